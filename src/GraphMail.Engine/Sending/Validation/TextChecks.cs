using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using GraphMail.Engine.Sending.Model;

namespace GraphMail.Engine.Sending.Validation;

/// <summary>Text no Graph request can carry, found before anything is sent: a NUL anywhere, a body over the request limit.</summary>
internal static class TextChecks
{
    /// <summary>Refuses a NUL character in any value of the message (addresses, subject, body, paths, header and inline ids).</summary>
    internal static void RefuseNul(MailParameters p)
    {
        var values = new List<(string Parameter, string? Value)> { ("Subject", p.Subject), ("Body", p.Body), ("From", p.From) };
        values.AddRange(Each("To", p.To).Concat(Each("Cc", p.Cc)).Concat(Each("Bcc", p.Bcc)).Concat(Each("ReplyTo", p.ReplyTo)).Concat(Each("Attachments", p.Attachments)));
        values.AddRange(Pairs("Header", p.Header).Concat(Pairs("InlineAttachment", p.InlineAttachment)));
        foreach (var (parameter, value) in values)
        {
            if (value?.IndexOf('\0') is { } at && at >= 0)
            {
                throw new GraphMailException(ErrorIds.InvalidCharacter, GraphMailErrorKind.InvalidArgument,
                    $"-{parameter} '{Visible(value)}' contains a NUL character (at position {at}); no mail message can carry it, so nothing was sent.",
                    "Remove the NUL (`0) from the value; it usually comes from reading a UTF-16 file as ASCII (Get-Content -Encoding).").Targeting(value);
            }
        }
    }

    /// <summary>What a text takes in Graph's JSON: its UTF-8 bytes after escaping, exactly as the request writer escapes it.</summary>
    internal static long JsonBytes(string text) => text.Length == 0 ? 0 : JsonEncodedText.Encode(text).EncodedUtf8Bytes.Length;

    /// <summary>Every path sends the subject and body in one request (sendMail, or the draft), so they must fit in one.</summary>
    internal static void RefuseOversizedText(long textJsonBytes)
    {
        if (!SendLimits.TextFitsInOneRequest(textJsonBytes))
        {
            throw new GraphMailException(ErrorIds.BodyTooLarge, GraphMailErrorKind.LimitsExceeded,
                $"The subject and body take {SendLimits.Megabytes(textJsonBytes)} in Graph's request (HTML and non-ASCII text grow when escaped); " +
                $"a Graph request takes at most {SendLimits.Megabytes(SendLimits.MaxRequestBytes)}, so nothing was sent.",
                "Send the long content as an attachment (-Attachments report.html) and keep the body short.");
        }
    }

    /// <summary>The value with NUL and other control characters shown, shortened.</summary>
    internal static string Visible(string value)
    {
        var shown = new string(value.Take(80).SelectMany(c => c == '\0' ? "\\0" : char.IsControl(c) ? "?" : c.ToString()).ToArray());
        return value.Length > 80 ? shown + "..." : shown;
    }

    private static IEnumerable<(string, string?)> Each(string parameter, IEnumerable<string>? values) =>
        (values ?? Enumerable.Empty<string>()).Select(v => (parameter, (string?)v));

    private static IEnumerable<(string, string?)> Pairs(string parameter, IEnumerable<KeyValuePair<string, string>>? pairs) =>
        (pairs ?? Enumerable.Empty<KeyValuePair<string, string>>()).SelectMany(p => new[] { (parameter, (string?)p.Key), (parameter, (string?)p.Value) });
}
