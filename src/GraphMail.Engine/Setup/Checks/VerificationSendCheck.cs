using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Paths;
using GraphMail.Engine.Sending.Validation;

namespace GraphMail.Engine.Setup.Checks;

/// <summary>One real message from the designated sender to -TestRecipient, built and sent by the send engine.</summary>
internal static class VerificationSendCheck
{
    internal const string Subject = "GraphMail setup test";

    internal static async Task<SetupCheckResult> SendAsync(IMessageSender sender, SetupSubject subject, string mailbox, string recipient, CancellationToken cancellationToken)
    {
        var parameters = new MailParameters
        {
            From = mailbox,
            To = new[] { recipient },
            Subject = Subject,
            Body = string.Format(CultureInfo.InvariantCulture,
                "Test-GraphMailSetup sent this message as app {0} in tenant {1} from {2}. If it arrived, the app can send mail through Microsoft Graph.",
                subject.ClientId, subject.TenantId, mailbox),
        };
        var result = await sender.SendAsync(MessageBuilder.Build(parameters, null, path => path), cancellationToken).ConfigureAwait(false);
        return result.Status == SendStatus.Sent
            ? Results.Passed(SetupCheck.VerificationSend,
                $"Graph accepted a message from {mailbox} to {recipient} (202), Message-ID {result.InternetMessageId}: look for '{Subject}' in that inbox (Graph does not confirm delivery).")
            : Results.From(SetupCheck.VerificationSend, result.Error!, $"The message from {mailbox} to {recipient} was not sent ({result.Status}):");
    }
}
