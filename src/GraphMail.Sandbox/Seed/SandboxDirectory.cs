using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;

namespace GraphMail.Sandbox.Seed;

/// <summary>The seed indexed for lookups: tenants by GUID or domain, users by UPN or id (apps are in Directory/DirectoryStore).
/// Building it validates the seed (unique keys, references that resolve).</summary>
internal sealed class SandboxDirectory
{
    private readonly Dictionary<string, DirectoryTenant> _tenants = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DirectoryApplication> _applications = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<SeedManagedIdentity> _managedIdentities;

    internal SandboxDirectory(SandboxSeed seed, DateTimeOffset startedAt)
    {
        Seed = seed;
        StartedAt = startedAt;
        foreach (var tenant in seed.Tenants)
        {
            var entry = new DirectoryTenant(tenant);
            AddUnique(_tenants, tenant.Id.ToString(), entry, "tenant id");
            foreach (var domain in tenant.Domains)
            {
                AddUnique(_tenants, domain, entry, "domain");
            }
        }

        foreach (var application in seed.Applications)
        {
            var entry = new DirectoryApplication(application);
            AddUnique(_applications, application.ClientId, entry, "application client ID");
            foreach (var principal in application.ServicePrincipals)
            {
                Require(FindTenant(principal.TenantId.ToString()) is not null,
                    $"Application {application.ClientId} has a service principal in unknown tenant {principal.TenantId}.");
            }
        }

        _managedIdentities = seed.ManagedIdentities.ToList();
        foreach (var identity in _managedIdentities)
        {
            Require(FindTenant(identity.TenantId.ToString()) is not null,
                $"Managed identity {identity.ClientId} is in unknown tenant {identity.TenantId}.");
            Require(!_applications.ContainsKey(identity.ClientId),
                $"Managed identity {identity.ClientId} has the client ID of an application.");
        }

        Require(_managedIdentities.Count(i => i.Kind == SeedManagedIdentityKind.SystemAssigned) <= 1,
            "At most one system-assigned managed identity may be seeded.");
        Require(_managedIdentities.Select(i => i.ClientId).Distinct(StringComparer.OrdinalIgnoreCase).Count() == _managedIdentities.Count,
            "Managed identity client IDs must be unique.");

        foreach (var tenant in _tenants.Values.Distinct())
        {
            tenant.Validate();
        }
    }

    internal SandboxSeed Seed { get; }

    internal DateTimeOffset StartedAt { get; }

    internal IEnumerable<DirectoryTenant> Tenants => _tenants.Values.Distinct();

    internal DirectoryTenant? FindTenant(string idOrDomain) => _tenants.GetValueOrDefault(idOrDomain);

    internal SeedManagedIdentity? FindSystemAssignedIdentity() =>
        _managedIdentities.FirstOrDefault(i => i.Kind == SeedManagedIdentityKind.SystemAssigned);

    internal SeedManagedIdentity? FindUserAssignedIdentity(string? clientId, string? objectId, string? resourceId) =>
        _managedIdentities.FirstOrDefault(i => i.Kind == SeedManagedIdentityKind.UserAssigned &&
            (clientId is null || string.Equals(i.ClientId, clientId, StringComparison.OrdinalIgnoreCase)) &&
            (objectId is null || string.Equals(i.ObjectId.ToString(), objectId, StringComparison.OrdinalIgnoreCase)) &&
            (resourceId is null || string.Equals(i.ResourceId, resourceId, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Whether a scoping change is already visible to Graph.</summary>
    internal bool IsEffective(DateTimeOffset? effectiveAt, int? effectiveAfterSeconds, DateTimeOffset now) =>
        (effectiveAt is null || now >= effectiveAt) &&
        (effectiveAfterSeconds is null || now >= StartedAt.AddSeconds(effectiveAfterSeconds.Value));

    internal static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidDataException("Invalid sandbox seed: " + message);
        }
    }

    private static void AddUnique<T>(Dictionary<string, T> map, string key, T value, string what)
    {
        Require(!string.IsNullOrWhiteSpace(key), $"A {what} is empty.");
        Require(map.TryAdd(key, value), $"The {what} '{key}' appears twice.");
    }
}

internal sealed class DirectoryTenant
{
    private readonly Dictionary<string, SeedUser> _users = new(StringComparer.OrdinalIgnoreCase);

    internal DirectoryTenant(SeedTenant seed)
    {
        Seed = seed;
        SandboxDirectory.Require(seed.Domains.Count > 0, $"Tenant {seed.Id} has no domain.");
        foreach (var user in seed.Users)
        {
            SandboxDirectory.Require(_users.TryAdd(user.Id.ToString(), user), $"User id {user.Id} appears twice.");
            SandboxDirectory.Require(_users.TryAdd(user.UserPrincipalName, user), $"UPN {user.UserPrincipalName} appears twice.");
        }
    }

    internal SeedTenant Seed { get; }

    internal Guid Id => Seed.Id;

    internal SeedUser? FindUser(string idOrUpn) => _users.GetValueOrDefault(idOrUpn);

    internal SeedManagementScope? FindScope(string name) =>
        Seed.ManagementScopes.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    internal bool IsGroupMember(string groupIdOrUpn, SeedUser user)
    {
        var group = FindUser(groupIdOrUpn);
        return group is not null && group.Members.Any(m => FindUser(m)?.Id == user.Id);
    }

    internal void Validate()
    {
        foreach (var group in Seed.Users.Where(u => u.Kind == SeedUserKind.Group))
        {
            foreach (var member in group.Members)
            {
                SandboxDirectory.Require(FindUser(member) is not null, $"Group {group.UserPrincipalName} has unknown member {member}.");
            }
        }

        foreach (var policy in Seed.ApplicationAccessPolicies)
        {
            SandboxDirectory.Require(FindUser(policy.ScopeGroup)?.Kind == SeedUserKind.Group,
                $"Application access policy scope group {policy.ScopeGroup} is not a group of tenant {Id}.");
        }

        foreach (var scope in Seed.ManagementScopes)
        {
            foreach (var recipient in scope.Recipients)
            {
                SandboxDirectory.Require(FindUser(recipient) is not null, $"Management scope {scope.Name} has unknown recipient {recipient}.");
            }

            if (scope.RecipientRestrictionFilter is { } filter)
            {
                _ = RecipientFilter.Parse(filter);
            }
        }

        foreach (var assignment in Seed.RoleAssignments)
        {
            SandboxDirectory.Require(assignment.Scope is null || FindScope(assignment.Scope) is not null,
                $"Role assignment {assignment.Name} names unknown management scope {assignment.Scope}.");
        }
    }
}

internal sealed class DirectoryApplication
{
    internal DirectoryApplication(SeedApplication seed)
    {
        Seed = seed;
        Certificates = seed.Certificates.Select(c => new RegisteredCertificate(c)).ToList();
    }

    internal SeedApplication Seed { get; }

    /// <summary>Decoded once at load, so a seed with a bad certificate is refused at start.</summary>
    internal IReadOnlyList<RegisteredCertificate> Certificates { get; }
}

/// <summary>A seeded key credential with its certificate decoded once.</summary>
internal sealed class RegisteredCertificate
{
    internal RegisteredCertificate(SeedCertificate seed)
    {
        try
        {
            Certificate = new X509Certificate2(Convert.FromBase64String(seed.Certificate));
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidDataException($"Invalid sandbox seed: certificate '{seed.Id}' is not base64 DER: {e.Message}", e);
        }

        EndDateTime = seed.EndDateTime ?? new DateTimeOffset(Certificate.NotAfter.ToUniversalTime());
        StartDateTime = new DateTimeOffset(Certificate.NotBefore.ToUniversalTime());
    }

    internal X509Certificate2 Certificate { get; }

    internal DateTimeOffset StartDateTime { get; }

    internal DateTimeOffset EndDateTime { get; }
}
