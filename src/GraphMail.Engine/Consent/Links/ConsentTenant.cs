using System;
using GraphMail.Engine.Connections;

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

    private static string DomainName(string text) =>
        DomainNames.Normalize(text, out var problem) ?? throw Invalid(text, problem!);

    private static GraphMailException Invalid(string value, string why) =>
        new(ErrorIds.InvalidConsentTenant, GraphMailErrorKind.InvalidArgument,
            $"Tenant '{ConsentInputRules.Printable(value)}' cannot be used: {why}.",
            char.ToUpperInvariant(Rule[0]) + Rule.Substring(1) + ".");
}
