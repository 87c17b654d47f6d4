using System;
using System.Text.RegularExpressions;

namespace GraphMail.Engine.Connections;

/// <summary>A tenant as the user named it: its GUID, or a verified domain. Never a multi-tenant alias.</summary>
public sealed class TenantIdentifier
{
    private static readonly string[] MultiTenantAliases = { "common", "organizations", "consumers" };

    private TenantIdentifier(string value, Guid? id)
    {
        Value = value;
        Id = id;
    }

    /// <summary>What goes into the authority URL: the GUID or the domain, lower case.</summary>
    public string Value { get; }

    /// <summary>The GUID, when the tenant was named by GUID.</summary>
    public Guid? Id { get; }

    /// <summary>The domain, when the tenant was named by domain.</summary>
    public string? Domain => Id is null ? Value : null;

    public static TenantIdentifier Parse(string? input)
    {
        var text = input?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw Invalid(input, "it is empty", null);
        }

        if (Guid.TryParse(text, out var id))
        {
            return new TenantIdentifier(id.ToString("D"), id);
        }

        if (Array.Exists(MultiTenantAliases, a => a.Equals(text, StringComparison.OrdinalIgnoreCase)))
        {
            throw Invalid(input, "'" + text.ToLowerInvariant() + "' names no tenant, and app-only sign-in needs the one tenant whose admin consented", null);
        }

        if (DomainNames.Normalize(text, out var problem) is { } domain)
        {
            return new TenantIdentifier(domain, null);
        }

        var hint = text.IndexOf('.') < 0 && Regex.IsMatch(text, "^[A-Za-z0-9-]+$")
            ? "If '" + text + "' is the tenant's name, the domain is probably " + text.ToLowerInvariant() + ".onmicrosoft.com."
            : null;
        throw Invalid(input, "it is neither a GUID nor a domain name: " + problem, hint);
    }

    public override string ToString() => Value;

    private static GraphMailException Invalid(string? input, string why, string? hint) =>
        new GraphMailException(ErrorIds.InvalidTenantId, GraphMailErrorKind.InvalidArgument,
            $"The tenant '{input}' cannot be used: {why}.",
            hint ?? "Pass the Directory (tenant) ID GUID from Entra ID > Overview, or a verified domain such as contoso.onmicrosoft.com.").Targeting(input);
}
