using System.Collections.Generic;
using System.Linq;

namespace GraphMail.Engine.Sending.Validation;

/// <summary>Graph's rules for internetMessageHeaders (graph-wire-spec §4.1), checked before sending.</summary>
internal static class HeaderRules
{
    internal static List<KeyValuePair<string, string>> Check(IReadOnlyList<KeyValuePair<string, string>>? headers)
    {
        var list = new List<KeyValuePair<string, string>>();
        if (headers is null)
        {
            return list;
        }

        if (headers.Count > SendLimits.MaxHeaders)
        {
            throw new GraphMailException(ErrorIds.TooManyHeaders, GraphMailErrorKind.LimitsExceeded,
                $"-Header has {headers.Count} headers; Graph takes at most {SendLimits.MaxHeaders} per message.",
                $"Pass at most {SendLimits.MaxHeaders} headers, or combine values into fewer headers.");
        }

        foreach (var header in headers)
        {
            CheckName(header.Key);
            var value = header.Value.Trim();
            if (value.Length == 0 || value.Any(c => c != '\t' && (c < ' ' || c > '~')))
            {
                throw new GraphMailException(ErrorIds.InvalidHeaderValue, GraphMailErrorKind.InvalidArgument,
                    $"-Header '{header.Key}' value '{TextChecks.Visible(header.Value)}' " + (value.Length == 0 ? "is empty" : "has a character that is not printable ASCII (a line break, a control character or a non-ASCII letter)") +
                    "; a mail header value is printable ASCII, and Graph refuses anything else.",
                    "Use ASCII letters, digits and punctuation in header values; put other text in the body.").Targeting(header.Value);
            }

            list.Add(new KeyValuePair<string, string>(header.Key, value));
        }

        return list;
    }

    private static void CheckName(string name)
    {
        var valid = name.Length > 2 && (name.StartsWith("x-", System.StringComparison.Ordinal) || name.StartsWith("X-", System.StringComparison.Ordinal));
        foreach (var c in name)
        {
            // RFC 5322 field-name: printable US-ASCII except the colon.
            valid &= c is >= (char)33 and <= (char)126 && c != ':';
        }

        if (!valid)
        {
            throw new GraphMailException(ErrorIds.InvalidHeaderName, GraphMailErrorKind.InvalidArgument,
                $"-Header name '{name}' is not allowed: Graph takes only custom headers whose names start with 'x-' or 'X-' and contain no spaces or colons.",
                "Name it with an x- prefix and no spaces or colons, for example: -Header @{ 'X-Ticket' = '12345' }").Targeting(name);
        }
    }
}
