using System;
using System.Collections.Generic;
using GraphMail.Sandbox.Seed;

namespace GraphMail.Sandbox.Applications;

/// <summary>
/// When a directory object was added, and when sign-ins see it (the replication delay in force when it was added);
/// seeded objects were always there.
/// </summary>
internal sealed record Replication(DateTimeOffset AddedAt, DateTimeOffset VisibleAt)
{
    internal static Replication Seeded { get; } = new(DateTimeOffset.MinValue, DateTimeOffset.MinValue);

    internal static Replication Starting(DateTimeOffset now, int delaySeconds) => new(now, now.AddSeconds(delaySeconds));
}

/// <summary>A client secret of an app (passwordCredential). The sandbox keeps its text to check sign-ins; Graph never returns it again.</summary>
internal sealed record PasswordCredentialEntry(Guid KeyId, string DisplayName, string SecretText, DateTimeOffset StartDateTime, DateTimeOffset? EndDateTime, Replication Replication)
{
    internal string Hint => SecretText.Length >= 3 ? SecretText[..3] : SecretText;
}

/// <summary>A certificate of an app (keyCredential, AsymmetricX509Cert / Verify).</summary>
internal sealed record KeyCredentialEntry(Guid KeyId, string DisplayName, RegisteredCertificate Certificate, string KeyBase64, Replication Replication);

/// <summary>One requiredResourceAccess entry: a resource's app ID and the permissions (Role or Scope) the app asks for.</summary>
internal sealed record RequiredResource(string ResourceAppId, IReadOnlyList<(Guid Id, string Type)> ResourceAccess);

/// <summary>
/// An app registration as the directory holds it: seeded ones and those created through POST /applications.
/// Mutated only under <see cref="DirectoryStore"/>'s lock; readers get it from there.
/// </summary>
internal sealed class AppRegistration
{
    internal required Guid ObjectId { get; init; }

    internal required string AppId { get; init; }

    internal required Guid HomeTenantId { get; init; }

    internal string DisplayName { get; set; } = "";

    internal string SignInAudience { get; set; } = "AzureADMyOrg";

    internal bool PublicClient { get; set; }

    internal List<string> RedirectUris { get; set; } = [];

    internal List<RequiredResource> RequiredResourceAccess { get; set; } = [];

    internal List<PasswordCredentialEntry> PasswordCredentials { get; } = [];

    internal List<KeyCredentialEntry> KeyCredentials { get; set; } = [];

    internal DateTimeOffset CreatedAt => Replication.AddedAt;

    internal required Replication Replication { get; init; }

    internal bool IsMultiTenant => !string.Equals(SignInAudience, "AzureADMyOrg", StringComparison.OrdinalIgnoreCase);
}

/// <summary>An app role granted to a service principal (an application permission, by admin consent or assignment).</summary>
internal sealed record AppRoleAssignmentEntry(string Id, Guid AppRoleId, Guid PrincipalId, string PrincipalDisplayName, Guid ResourceId, string ResourceDisplayName, DateTimeOffset CreatedDateTime);

/// <summary>An app's service principal in one tenant (its enterprise application), or a resource's such as Microsoft Graph.</summary>
internal sealed class ServicePrincipalEntry
{
    internal required Guid ObjectId { get; init; }

    internal required string AppId { get; init; }

    internal required Guid TenantId { get; init; }

    internal string DisplayName { get; set; } = "";

    internal IReadOnlyList<AppRoleDefinition> AppRoles { get; init; } = [];

    /// <summary>App roles granted to this principal (appRoleAssignments).</summary>
    internal List<AppRoleAssignmentEntry> AppRoleAssignments { get; } = [];

    internal required Replication Replication { get; init; }
}
