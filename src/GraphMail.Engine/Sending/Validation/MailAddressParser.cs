using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using GraphMail.Engine.Sending.Model;

namespace GraphMail.Engine.Sending.Validation;

/// <summary>
/// Reads what Send-MailMessage users write: <c>a@x.com</c>, <c>Name &lt;a@x.com&gt;</c>, <c>"Last, First" &lt;a@x.com&gt;</c>,
/// and lists of them separated by commas (as System.Net.Mail reads them) or semicolons (as Outlook users type them).
/// Internationalised domains are accepted and sent in their ASCII (xn--) form. Deliberately stricter than RFC 5322
/// where the looser form is almost always a typo: no comments, no domain literals, a dot in the domain.
/// </summary>
public static class MailAddressParser
{
    private const string AtomSpecials = "!#$%&'*+-/=?^_`{|}~";
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    /// <summary>Every address in <paramref name="values"/>, each value possibly a list.</summary>
    public static List<MailRecipient> ParseAll(IEnumerable<string>? values, string parameter)
    {
        var recipients = new List<MailRecipient>();
        if (values is null)
        {
            return recipients;
        }

        foreach (var value in values)
        {
            foreach (var part in SplitList(value ?? string.Empty))
            {
                recipients.Add(Parse(part, parameter));
            }
        }

        return recipients;
    }

    /// <summary>One address with an optional display name.</summary>
    public static MailRecipient Parse(string text, string parameter)
    {
        var value = text.Trim();
        var open = value.LastIndexOf('<');
        if (open < 0)
        {
            return new MailRecipient(NormaliseAddress(value, text, parameter), null);
        }

        if (!value.EndsWith(">", StringComparison.Ordinal))
        {
            throw Invalid(text, parameter, "text follows the closing '>' or the '>' is missing");
        }

        var name = DisplayName(value.Substring(0, open).Trim(), text, parameter);
        var address = value.Substring(open + 1, value.Length - open - 2).Trim();
        return new MailRecipient(NormaliseAddress(address, text, parameter), name);
    }

    /// <summary>Splits on commas and semicolons that are outside quotes and angle brackets.</summary>
    internal static IEnumerable<string> SplitList(string value)
    {
        var start = 0;
        var quoted = false;
        var angle = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && quoted)
            {
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '<')
            {
                angle = true;
            }
            else if (!quoted && c == '>')
            {
                angle = false;
            }
            else if (!quoted && !angle && (c == ',' || c == ';'))
            {
                var piece = value.Substring(start, i - start);
                if (piece.Trim().Length > 0)
                {
                    yield return piece;
                }

                start = i + 1;
            }
        }

        var last = value.Substring(start);
        if (last.Trim().Length > 0 || start == 0)
        {
            yield return last;
        }
    }

    private static string? DisplayName(string name, string text, string parameter)
    {
        if (name.Length == 0)
        {
            return null;
        }

        if (!name.StartsWith("\"", StringComparison.Ordinal))
        {
            if (name.IndexOf('"') >= 0)
            {
                throw Invalid(text, parameter, "the display name has an unbalanced quote");
            }

            return name;
        }

        if (name.Length < 2 || !name.EndsWith("\"", StringComparison.Ordinal))
        {
            throw Invalid(text, parameter, "the quoted display name is not closed");
        }

        var unquoted = new StringBuilder();
        for (var i = 1; i < name.Length - 1; i++)
        {
            if (name[i] == '\\' && i + 1 < name.Length - 1)
            {
                i++;
            }
            else if (name[i] == '"')
            {
                throw Invalid(text, parameter, "the quoted display name has a quote inside it; escape it as \\\"");
            }

            unquoted.Append(name[i]);
        }

        return unquoted.ToString().Trim();
    }

    private static string NormaliseAddress(string address, string text, string parameter)
    {
        if (address.Length == 0)
        {
            throw Invalid(text, parameter, "it has no address");
        }

        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1)
        {
            throw Invalid(text, parameter, "an address needs a local part, an @ and a domain (user@contoso.com)");
        }

        var local = address.Substring(0, at);
        CheckLocalPart(local, text, parameter);
        var domain = AsciiDomain(address.Substring(at + 1), text, parameter);
        var normalised = local + "@" + domain;
        if (normalised.Length > 254)
        {
            throw Invalid(text, parameter, "it is longer than 254 characters");
        }

        return normalised;
    }

    private static void CheckLocalPart(string local, string text, string parameter)
    {
        if (local.Length > 64)
        {
            throw Invalid(text, parameter, "the part before the @ is longer than 64 characters");
        }

        if (local.Length >= 2 && local[0] == '"' && local[local.Length - 1] == '"')
        {
            for (var i = 1; i < local.Length - 1; i++)
            {
                if (local[i] == '\\')
                {
                    i++;
                }
                else if (local[i] == '"' || char.IsControl(local[i]))
                {
                    throw Invalid(text, parameter, "the quoted part before the @ has a bare quote or a control character");
                }
            }

            return;
        }

        if (local[0] == '.' || local[local.Length - 1] == '.' || local.Contains(".."))
        {
            throw Invalid(text, parameter, "the part before the @ starts or ends with a dot, or has two dots in a row");
        }

        foreach (var c in local)
        {
            if (!(c == '.' || char.IsLetterOrDigit(c) || AtomSpecials.IndexOf(c) >= 0 || c > 127))
            {
                throw Invalid(text, parameter, $"the part before the @ contains '{c}', which needs quoting");
            }
        }
    }

    private static string AsciiDomain(string domain, string text, string parameter)
    {
        if (domain.StartsWith("[", StringComparison.Ordinal))
        {
            throw Invalid(text, parameter, "IP address literals are not accepted as a domain");
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(domain.TrimEnd('.')).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            throw Invalid(text, parameter, $"'{domain}' is not a valid domain name");
        }

        var labels = ascii.Split('.');
        if (labels.Length < 2)
        {
            throw Invalid(text, parameter, $"the domain '{domain}' has no dot; write the full domain (contoso.com)");
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[label.Length - 1] == '-')
            {
                throw Invalid(text, parameter, $"the domain '{domain}' has an empty, overlong or hyphen-edged label");
            }

            foreach (var c in label)
            {
                if (!(c is >= 'a' and <= 'z' || c is >= '0' and <= '9' || c == '-'))
                {
                    throw Invalid(text, parameter, $"the domain '{domain}' contains '{c}'");
                }
            }
        }

        if (labels[labels.Length - 1].Length < 2 || IsAllDigits(labels[labels.Length - 1]))
        {
            throw Invalid(text, parameter, $"the domain '{domain}' does not end in a top-level domain");
        }

        return ascii;
    }

    private static bool IsAllDigits(string label)
    {
        foreach (var c in label)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static GraphMailException Invalid(string text, string parameter, string why) =>
        new GraphMailException(ErrorIds.InvalidEmailAddress, GraphMailErrorKind.InvalidArgument,
            $"-{parameter} '{text.Trim()}' is not an email address GraphMail can send to: {why}.",
            "Write it as user@contoso.com, Name <user@contoso.com> or \"Last, First\" <user@contoso.com>; separate several with commas.").Targeting(text.Trim());
}
