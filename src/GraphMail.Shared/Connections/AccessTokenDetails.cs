using System;
using System.Globalization;

namespace GraphMail;

/// <summary>
/// What an access token says about itself, read from its payload without validating it (Graph validates it).
/// Never holds the token text.
/// </summary>
public sealed class AccessTokenDetails
{
    public AccessTokenDetails(DateTimeOffset expiresOn, string[]? roles, string? tenantId, string? appId, string? identityType, string? objectId = null)
    {
        ExpiresOn = expiresOn;
        _roles = roles is null ? Array.Empty<string>() : (string[])roles.Clone();
        TenantId = tenantId;
        AppId = appId;
        IdentityType = identityType;
        ObjectId = objectId;
    }

    private readonly string[] _roles;

    public DateTimeOffset ExpiresOn { get; }

    /// <summary>The application permissions granted to the app in this tenant (the <c>roles</c> claim); empty without admin consent.</summary>
    public string[] Roles => (string[])_roles.Clone();

    /// <summary>The <c>tid</c> claim: the tenant's GUID.</summary>
    public string? TenantId { get; }

    /// <summary>The <c>appid</c> (v1) or <c>azp</c> (v2) claim: the app's client ID.</summary>
    public string? AppId { get; }

    /// <summary>The <c>idtyp</c> claim: <c>app</c> for an app-only token.</summary>
    public string? IdentityType { get; }

    /// <summary>The <c>oid</c> claim: the service principal's (enterprise application's) object ID; absent without admin consent.</summary>
    public string? ObjectId { get; }

    public override string ToString() =>
        string.Format(
            CultureInfo.InvariantCulture,
            "Token for app {0} in tenant {1}, expires {2:u}, roles: {3}",
            AppId ?? "(unknown)",
            TenantId ?? "(unknown)",
            ExpiresOn,
            _roles.Length == 0 ? "(none)" : string.Join(", ", _roles));
}
