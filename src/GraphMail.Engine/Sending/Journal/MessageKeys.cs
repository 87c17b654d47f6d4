using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using GraphMail.Engine.Sending.Model;

namespace GraphMail.Engine.Sending.Journal;

/// <summary>What a message is known by in the journal when no -MessageKey is given: a hash of what it says and to whom.</summary>
internal static class MessageKeys
{
    internal static string Of(OutgoingMessage message)
    {
        var text = new StringBuilder()
            .Append(message.From.Address.ToLowerInvariant()).Append('\n')
            .Append(string.Join(";", message.To.Select(r => r.Address.ToLowerInvariant()))).Append('\n')
            .Append(string.Join(";", message.Cc.Select(r => r.Address.ToLowerInvariant()))).Append('\n')
            .Append(string.Join(";", message.Bcc.Select(r => r.Address.ToLowerInvariant()))).Append('\n')
            .Append(message.Subject).Append('\n')
            .Append(message.BodyIsHtml ? "html" : "text").Append('\n')
            .Append(message.Body).Append('\n')
            .Append(string.Join(";", message.Attachments.Select(a => a.Name + ":" + a.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
        return "sha256:" + BitConverter.ToString(hash, 0, 16).Replace("-", string.Empty).ToLowerInvariant();
    }
}
