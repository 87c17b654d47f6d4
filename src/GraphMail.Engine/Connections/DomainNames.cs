using System;
using System.Globalization;

namespace GraphMail.Engine.Connections;

/// <summary>
/// The one check of a tenant's domain name, for every cmdlet that takes one: DNS label rules, international names
/// as their xn-- A-labels, and a plain word for the usual mistakes (an email address, a URL, an IP address).
/// </summary>
internal static class DomainNames
{
    /// <summary>The name, lowercased ASCII; or null and why it is not a domain name.</summary>
    internal static string? Normalize(string text, out string? problem)
    {
        problem = null;
        if (text.IndexOf('@') is var at and >= 0)
        {
            problem = $"it looks like an email address; use the part after '@' ({text.Substring(at + 1)})";
            return null;
        }

        var ascii = ToAscii(text.TrimEnd('.'));
        if (ascii is null)
        {
            problem = "it is neither a GUID nor a valid international domain name";
            return null;
        }

        var labels = ascii.Split('.');
        if (labels.Length < 2)
        {
            problem = "a domain name needs at least two labels, such as contoso.com";
            return null;
        }

        foreach (var label in labels)
        {
            if (LabelProblem(label) is { } labelProblem)
            {
                problem = $"its label '{label}' {labelProblem}";
                return null;
            }
        }

        if (ascii.Length > 253)
        {
            problem = "a domain name has at most 253 characters";
            return null;
        }

        if (IsAllDigits(labels[labels.Length - 1]))
        {
            problem = "it looks like an IP address, not a domain name";
            return null;
        }

        return ascii;
    }

    /// <summary>The name lowercased, international labels as their xn-- A-labels; null when IDNA refuses it.</summary>
    private static string? ToAscii(string name)
    {
        foreach (var c in name)
        {
            if (c > 0x7F)
            {
                try
                {
                    return new IdnMapping().GetAscii(name).ToLowerInvariant();
                }
                catch (ArgumentException)
                {
                    return null;
                }
            }
        }

        return name.ToLowerInvariant();
    }

    private static string? LabelProblem(string label)
    {
        if (label.Length is 0 or > 63)
        {
            return "must have 1 to 63 characters";
        }

        if (label[0] == '-' || label[label.Length - 1] == '-')
        {
            return "must not start or end with a hyphen";
        }

        foreach (var c in label)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return $"has the character '{c}'; a domain name has letters, digits and hyphens only";
            }
        }

        return null;
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
}
