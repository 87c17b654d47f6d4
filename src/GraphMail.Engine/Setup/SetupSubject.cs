using System;
using System.Collections.Generic;
using GraphMail.Engine.Connections;

namespace GraphMail.Engine.Setup;

/// <summary>What the run learns about the setup under test, for the summary and for the remedies' exact commands.</summary>
internal sealed class SetupSubject
{
    /// <summary>The tenant as the user named it (domain or GUID); empty when a managed identity's token names it.</summary>
    internal string Tenant { get; set; } = string.Empty;

    internal string TenantDomain { get; set; } = string.Empty;

    internal string TenantId { get; set; } = string.Empty;

    internal string ClientId { get; set; } = string.Empty;

    internal string Mailbox { get; set; } = string.Empty;

    internal string Cloud { get; set; } = string.Empty;

    internal GraphMailEnvironment Environment { get; set; } = GraphMailEnvironment.Global;

    internal bool IsManagedIdentity { get; set; }

    /// <summary>Where the tenant is looked up (the cloud's or the sandbox's authority); null until the run knows.</summary>
    internal Uri? AuthorityBase { get; set; }

    internal SandboxEndpoint? Sandbox { get; set; }

    /// <summary>The service principal's object ID from the token's oid claim; empty without consent.</summary>
    internal string ServicePrincipalObjectId { get; set; } = string.Empty;

    internal SetupSummary Summarize(IReadOnlyList<SetupCheckResult> checks) =>
        new(TenantDomain, TenantId, ClientId, Mailbox, Cloud, checks);
}
