using System.Collections.Generic;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.SendMail;

namespace GraphMail.Tests.Connections.Support;

/// <summary>A minimal sendMail body as the Graph SDK builds it.</summary>
internal static class SdkMessages
{
    internal static SendMailPostRequestBody Body(string subject, string to = "someone@example.com") => new()
    {
        Message = new Message
        {
            Subject = subject,
            Body = new ItemBody { ContentType = BodyType.Text, Content = "Hi" },
            ToRecipients = new List<Recipient> { new() { EmailAddress = new EmailAddress { Address = to } } },
        },
        SaveToSentItems = false,
    };
}
