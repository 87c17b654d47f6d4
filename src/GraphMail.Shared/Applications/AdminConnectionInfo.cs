using System;
using System.Collections.Generic;

namespace GraphMail;

/// <summary>This session's administrator sign-in (Connect-GraphMailAdmin): who, where, with what scopes. Never the token.</summary>
public sealed class AdminConnectionInfo
{
    public AdminConnectionInfo(Guid tenantId, string? tenantDomain, string userPrincipalName, string clientId, IReadOnlyList<string> scopes,
        DateTimeOffset tokenExpiresOn, string cloud, bool isSandbox)
    {
        TenantId = tenantId;
        TenantDomain = tenantDomain;
        UserPrincipalName = userPrincipalName ?? string.Empty;
        ClientId = clientId ?? string.Empty;
        Scopes = scopes ?? Array.Empty<string>();
        TokenExpiresOn = tokenExpiresOn;
        Cloud = cloud ?? string.Empty;
        IsSandbox = isSandbox;
    }

    public Guid TenantId { get; }

    /// <summary>The tenant as the admin named it, when it was a domain; otherwise the domain of the admin's account, when its OpenID configuration names this tenant.</summary>
    public string? TenantDomain { get; }

    /// <summary>The signed-in administrator.</summary>
    public string UserPrincipalName { get; }

    /// <summary>The public client the admin signed in through (Microsoft Graph Command Line Tools unless -AdminClientId).</summary>
    public string ClientId { get; }

    /// <summary>The delegated permissions the token holds (scp).</summary>
    public IReadOnlyList<string> Scopes { get; }

    public DateTimeOffset TokenExpiresOn { get; }

    /// <summary>Global, USGov, USGovDoD, China, or GraphMail.Sandbox.</summary>
    public string Cloud { get; }

    public bool IsSandbox { get; }

    public override string ToString() =>
        $"{UserPrincipalName} in tenant {TenantDomain ?? TenantId.ToString()} ({Cloud}) through {ClientId}: {string.Join(", ", Scopes)}";
}
