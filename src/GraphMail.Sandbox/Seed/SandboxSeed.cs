using System;
using System.Collections.Generic;

namespace GraphMail.Sandbox.Seed;

/// <summary>
/// Everything the sandbox knows at start: tenants with their users and mailbox scoping, app registrations,
/// managed identities and service limits. Serialized as camelCase JSON (see Seed/seed.schema.json).
/// </summary>
public sealed record SandboxSeed
{
    public IReadOnlyList<SeedTenant> Tenants { get; init; } = [];

    public IReadOnlyList<SeedApplication> Applications { get; init; } = [];

    public IReadOnlyList<SeedManagedIdentity> ManagedIdentities { get; init; } = [];

    /// <summary>Service limits and base latency; the starting point of the runtime settings.</summary>
    public SandboxSettings Limits { get; init; } = new();
}

public sealed record SeedTenant
{
    public required Guid Id { get; init; }

    public string DisplayName { get; init; } = "";

    /// <summary>Verified domains; the first is the default domain.</summary>
    public IReadOnlyList<string> Domains { get; init; } = [];

    /// <summary>Value of the tenant_region_scope claim and discovery property (WW, EU, NA...).</summary>
    public string RegionScope { get; init; } = "WW";

    public IReadOnlyList<SeedUser> Users { get; init; } = [];

    public IReadOnlyList<SeedApplicationAccessPolicy> ApplicationAccessPolicies { get; init; } = [];

    public IReadOnlyList<SeedManagementScope> ManagementScopes { get; init; } = [];

    public IReadOnlyList<SeedRoleAssignment> RoleAssignments { get; init; } = [];
}

public enum SeedUserKind
{
    Mailbox,
    UserWithoutMailbox,
    Group,
}

public sealed record SeedUser
{
    public required Guid Id { get; init; }

    public required string UserPrincipalName { get; init; }

    public string DisplayName { get; init; } = "";

    public SeedUserKind Kind { get; init; } = SeedUserKind.Mailbox;

    public bool Licensed { get; init; } = true;

    /// <summary>False for a mailbox that is inactive, soft-deleted or on-premises (MailboxNotEnabledForRESTAPI).</summary>
    public bool RestEnabled { get; init; } = true;

    /// <summary>Mailbox MaxSendSize; null takes limits.defaultMaxSendSizeBytes.</summary>
    public long? MaxSendSizeBytes { get; init; }

    /// <summary>For a group: the UPNs (or ids) of its members.</summary>
    public IReadOnlyList<string> Members { get; init; } = [];

    /// <summary>Free-form attributes an RBAC management scope filter can test (Department, CustomAttribute1...).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>Entra ID roles the user holds ("Global Administrator", "Application Administrator"...): what a delegated
    /// sign-in may do in the directory.</summary>
    public IReadOnlyList<string> DirectoryRoles { get; init; } = [];
}

public enum SeedAccessRight
{
    RestrictAccess,
    DenyAccess,
}

/// <summary>A legacy Exchange application access policy (New-ApplicationAccessPolicy).</summary>
public sealed record SeedApplicationAccessPolicy
{
    public string Description { get; init; } = "";

    /// <summary>Client IDs (applications or managed identities) the policy applies to.</summary>
    public required IReadOnlyList<string> AppIds { get; init; }

    public SeedAccessRight AccessRight { get; init; } = SeedAccessRight.RestrictAccess;

    /// <summary>UPN or id of the mail-enabled security group whose members are in scope.</summary>
    public required string ScopeGroup { get; init; }

    /// <summary>The policy is created but Graph ignores it until then (propagation).</summary>
    public DateTimeOffset? EffectiveAt { get; init; }

    /// <summary>Like effectiveAt, counted from the sandbox start.</summary>
    public int? EffectiveAfterSeconds { get; init; }
}

/// <summary>An Exchange management scope (New-ManagementScope) for RBAC for Applications.</summary>
public sealed record SeedManagementScope
{
    public required string Name { get; init; }

    /// <summary>Mailboxes in scope, by UPN or id.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>A RecipientRestrictionFilter subset: Property -eq|-ne|-like 'value', joined with -and / -or.</summary>
    public string? RecipientRestrictionFilter { get; init; }
}

/// <summary>An Exchange RBAC for Applications role assignment (New-ManagementRoleAssignment -App).</summary>
public sealed record SeedRoleAssignment
{
    public string Name { get; init; } = "";

    /// <summary>Client ID of the application or managed identity (its Exchange service principal).</summary>
    public required string AppId { get; init; }

    /// <summary>"Application Mail.Send", "Application Mail.ReadWrite", ...</summary>
    public required string Role { get; init; }

    /// <summary>Name of a management scope; null means the whole organization.</summary>
    public string? Scope { get; init; }

    public DateTimeOffset? EffectiveAt { get; init; }

    public int? EffectiveAfterSeconds { get; init; }
}

public sealed record SeedApplication
{
    public required string ClientId { get; init; }

    public string DisplayName { get; init; } = "";

    /// <summary>The tenant the app is registered in (where GET /applications lists it); null: its first service principal's tenant.</summary>
    public Guid? HomeTenantId { get; init; }

    /// <summary>Public client flows allowed (device code): isFallbackPublicClient in Graph.</summary>
    public bool PublicClient { get; init; }

    public IReadOnlyList<SeedSecret> Secrets { get; init; } = [];

    public IReadOnlyList<SeedCertificate> Certificates { get; init; } = [];

    /// <summary>One entry per tenant where the app has a service principal.</summary>
    public IReadOnlyList<SeedServicePrincipal> ServicePrincipals { get; init; } = [];
}

public sealed record SeedSecret
{
    public required string Id { get; init; }

    public required string Value { get; init; }

    public DateTimeOffset? EndDateTime { get; init; }
}

public sealed record SeedCertificate
{
    public string Id { get; init; } = "";

    /// <summary>Base64 DER of the public certificate.</summary>
    public required string Certificate { get; init; }

    /// <summary>The key credential's end; null takes the certificate's NotAfter.</summary>
    public DateTimeOffset? EndDateTime { get; init; }
}

public sealed record SeedServicePrincipal
{
    public required Guid TenantId { get; init; }

    public required Guid ObjectId { get; init; }

    /// <summary>Application permissions (app roles) granted by admin consent; empty: no consent, tokens carry no roles.</summary>
    public IReadOnlyList<string> GrantedRoles { get; init; } = [];
}

public enum SeedManagedIdentityKind
{
    SystemAssigned,
    UserAssigned,
}

public sealed record SeedManagedIdentity
{
    public SeedManagedIdentityKind Kind { get; init; } = SeedManagedIdentityKind.SystemAssigned;

    public string DisplayName { get; init; } = "";

    public required Guid TenantId { get; init; }

    public required string ClientId { get; init; }

    public required Guid ObjectId { get; init; }

    /// <summary>ARM resource id of a user-assigned identity (mi_res_id / msi_res_id).</summary>
    public string? ResourceId { get; init; }

    public IReadOnlyList<string> GrantedRoles { get; init; } = [];
}
