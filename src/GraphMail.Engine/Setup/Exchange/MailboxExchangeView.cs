using System;
using System.Collections.Generic;
using System.Linq;

namespace GraphMail.Engine.Setup.Exchange;

/// <summary>What Exchange Online PowerShell says about the app and one mailbox.</summary>
public sealed class MailboxExchangeView
{
    public MailboxExchangeView(string mailbox, AccessCheckResult? accessPolicy, IReadOnlyList<ServicePrincipalRole>? roles, IReadOnlyList<string>? problems = null)
    {
        Mailbox = mailbox;
        AccessPolicy = accessPolicy;
        Roles = roles ?? Array.Empty<ServicePrincipalRole>();
        Problems = problems ?? Array.Empty<string>();
    }

    public string Mailbox { get; }

    /// <summary>Test-ApplicationAccessPolicy's answer; null when it could not be run.</summary>
    public AccessCheckResult? AccessPolicy { get; }

    /// <summary>Test-ServicePrincipalAuthorization's rows; empty when the app has no RBAC role or the test could not run.</summary>
    public IReadOnlyList<ServicePrincipalRole> Roles { get; }

    /// <summary>What Exchange said when a test could not run (e.g. the app has no service principal in Exchange).</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The RBAC for Applications verdict for a role: True when a row in scope grants it, False when rows exist and none does, null without rows.</summary>
    internal bool? RoleGrants(string roleName)
    {
        var rows = Roles.Where(r => r.Is(roleName)).ToList();
        return rows.Count == 0 ? null : rows.Any(r => r.InScope == RoleInScope.True);
    }

    /// <summary>One sentence: what each test said.</summary>
    internal string Describe()
    {
        var parts = new List<string>
        {
            AccessPolicy is { } policy ? $"Test-ApplicationAccessPolicy says {policy}" : "Test-ApplicationAccessPolicy gave no answer",
            Roles.Count > 0 ? "Test-ServicePrincipalAuthorization: " + string.Join("; ", Roles) : "Test-ServicePrincipalAuthorization shows no RBAC role",
        };
        parts.AddRange(Problems);
        return $"Exchange Online for {Mailbox}: " + string.Join(", ", parts) + ".";
    }
}
