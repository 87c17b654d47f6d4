using System;
using System.Globalization;

namespace GraphMail.Engine.Consent.Links;

/// <summary>How a consent link names the tenant.</summary>
internal enum ConsentTenantKind
{
    Id,
    Domain,
    Organizations,
    Common,
}

/// <summary>The tenant of a consent link, checked: a tenant ID, a DNS domain name (IDN as its A-label), or a keyword.</summary>
internal sealed class ConsentTenant
{
    private const string Rule = "give the tenant's domain (contoso.com, contoso.onmicrosoft.com), its tenant ID (a GUID), 'organizations', or 'common' (v1 form only)";

    private ConsentTenant(ConsentTenantKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    internal ConsentTenantKind Kind { get; }

    /// <summary>What goes into the link's path: a lowercase GUID, an ASCII lowercase domain, or the keyword.</summary>
    internal string Value { get; }

    internal bool IsKeyword => Kind is ConsentTenantKind.Organizations or ConsentTenantKind.Common;

    internal static ConsentTenant Parse(string? input, ConsentUrlForm form)
    {
        var text = (input ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw Invalid("(empty)", "it is empty");
        }

        if (Guid.TryParseExact(text, "D", out var id))
        {
            return new ConsentTenant(ConsentTenantKind.Id, id.ToString("D"));
        }

        switch (text.ToLowerInvariant())
        {
            case "organizations":
                return new ConsentTenant(ConsentTenantKind.Organizations, "organizations");
            case "common" when form == ConsentUrlForm.V2:
                throw new GraphMailException(
                    ErrorIds.ConsentTenantNotAllowedInForm, GraphMailErrorKind.InvalidArgument,
                    "Tenant 'common' cannot be used with the v2 form: Entra ID's /v2.0/adminconsent takes a tenant ID, a domain or 'organizations', never 'common'.",
                    "Use -Tenant organizations, the tenant's domain or its ID, or -Form V1.");
            case "common":
                return new ConsentTenant(ConsentTenantKind.Common, "common");
            case "consumers":
                throw Invalid(text, "'consumers' is for personal Microsoft accounts, which cannot grant admin consent");
        }

        return new ConsentTenant(ConsentTenantKind.Domain, DomainName(text));
    }

    private static string DomainName(string text)
    {
        if (text.IndexOf('@') is var at and >= 0)
        {
            throw Invalid(text, $"it looks like an email address; use the part after '@' ({text.Substring(at + 1)})");
        }

        var ascii = ToAscii(text.TrimEnd('.')) ?? throw Invalid(text, "it is neither a GUID nor a valid international domain name");

        var labels = ascii.Split('.');
        if (labels.Length < 2)
        {
            throw Invalid(text, "a domain name needs at least two labels, such as contoso.com");
        }

        foreach (var label in labels)
        {
            if (Problem(label) is { } problem)
            {
                throw Invalid(text, $"its label '{label}' {problem}");
            }
        }

        if (ascii.Length > 253)
        {
            throw Invalid(text, "a domain name has at most 253 characters");
        }

        return IsAllDigits(labels[labels.Length - 1])
            ? throw Invalid(text, "it looks like an IP address, not a domain name")
            : ascii;
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

    private static string? Problem(string label)
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

    private static GraphMailException Invalid(string value, string why) =>
        new(ErrorIds.InvalidConsentTenant, GraphMailErrorKind.InvalidArgument,
            $"Tenant '{ConsentInputRules.Printable(value)}' cannot be used: {why}.",
            char.ToUpperInvariant(Rule[0]) + Rule.Substring(1) + ".");
}
