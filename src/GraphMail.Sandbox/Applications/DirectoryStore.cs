using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using GraphMail.Sandbox.Identity;
using GraphMail.Sandbox.Seed;

namespace GraphMail.Sandbox.Applications;

/// <summary>
/// The directory's app registrations, service principals and app role assignments: the seeded ones, and what clients
/// create through Graph while the sandbox runs. One lock guards all of it; every member takes it. New objects and
/// credentials stay unknown to sign-ins until they have replicated (<see cref="SandboxSettings.ReplicationDelaySeconds"/>,
/// or <see cref="ReplicateNow"/>).
/// </summary>
internal sealed class DirectoryStore
{
    private readonly object _gate = new();
    private readonly SandboxDirectory _seed;
    private readonly List<AppRegistration> _applications = [];
    private readonly List<ServicePrincipalEntry> _servicePrincipals = [];
    private DateTimeOffset _replicatedThrough = DateTimeOffset.MinValue;

    internal DirectoryStore(SandboxDirectory seed)
    {
        _seed = seed;
        Load();
    }

    /// <summary>Back to the seed: created apps, principals and grants are gone.</summary>
    internal void Reset()
    {
        lock (_gate)
        {
            _applications.Clear();
            _servicePrincipals.Clear();
            _replicatedThrough = DateTimeOffset.MinValue;
            Load();
        }
    }

    /// <summary>Everything created so far has replicated: sign-ins see it at once.</summary>
    internal void ReplicateNow(DateTimeOffset now)
    {
        lock (_gate)
        {
            _replicatedThrough = now;
        }
    }

    /// <summary>Runs <paramref name="action"/> under the directory's lock (readers and writers alike).</summary>
    internal T Locked<T>(Func<T> action)
    {
        lock (_gate)
        {
            return action();
        }
    }

    internal bool IsReplicated(Replication replication, DateTimeOffset now) =>
        replication.AddedAt <= _replicatedThrough || now >= replication.VisibleAt;

    internal IEnumerable<AppRegistration> Applications(Guid tenantId) => _applications.Where(a => a.HomeTenantId == tenantId);

    internal AppRegistration? FindApplicationByAppId(string appId) =>
        _applications.FirstOrDefault(a => string.Equals(a.AppId, appId, StringComparison.OrdinalIgnoreCase));

    internal IEnumerable<ServicePrincipalEntry> ServicePrincipals(Guid tenantId) => _servicePrincipals.Where(p => p.TenantId == tenantId);

    internal ServicePrincipalEntry? FindServicePrincipal(Guid tenantId, string appId) =>
        ServicePrincipals(tenantId).FirstOrDefault(p => string.Equals(p.AppId, appId, StringComparison.OrdinalIgnoreCase));

    internal ServicePrincipalEntry GraphServicePrincipal(Guid tenantId) => FindServicePrincipal(tenantId, GraphPermissions.AppId)!;

    internal AppRegistration AddApplication(AppRegistration application)
    {
        _applications.Add(application);
        return application;
    }

    /// <summary>Deletes the app and, as Entra ID does, its service principal in its home tenant.</summary>
    internal void DeleteApplication(AppRegistration application)
    {
        _applications.Remove(application);
        if (FindServicePrincipal(application.HomeTenantId, application.AppId) is { } principal)
        {
            DeleteServicePrincipal(principal);
        }
    }

    internal ServicePrincipalEntry AddServicePrincipal(ServicePrincipalEntry principal)
    {
        _servicePrincipals.Add(principal);
        return principal;
    }

    /// <summary>Deletes the principal with the roles granted to it and those it granted to others.</summary>
    internal void DeleteServicePrincipal(ServicePrincipalEntry principal)
    {
        _servicePrincipals.Remove(principal);
        foreach (var other in _servicePrincipals)
        {
            other.AppRoleAssignments.RemoveAll(a => a.ResourceId == principal.ObjectId);
        }
    }

    /// <summary>Every assignment whose resource is <paramref name="resource"/> (its appRoleAssignedTo).</summary>
    internal IEnumerable<AppRoleAssignmentEntry> AssignedTo(ServicePrincipalEntry resource) =>
        _servicePrincipals.SelectMany(p => p.AppRoleAssignments).Where(a => a.ResourceId == resource.ObjectId);

    internal ServicePrincipalEntry? FindServicePrincipalById(Guid tenantId, Guid objectId) =>
        ServicePrincipals(tenantId).FirstOrDefault(p => p.ObjectId == objectId);

    /// <summary>
    /// What a client-credentials sign-in of <paramref name="clientId"/> in <paramref name="tenantId"/> can use: the app,
    /// its principal there and the Graph roles granted to it, each only once replicated. Null when the app (or its
    /// principal) is not known to sign-ins in that tenant.
    /// </summary>
    internal SignInClient? FindForSignIn(Guid tenantId, string clientId, DateTimeOffset now)
    {
        lock (_gate)
        {
            var application = FindApplicationByAppId(clientId);
            if (application is null || !IsReplicated(application.Replication, now))
            {
                return null;
            }

            var principal = FindServicePrincipal(tenantId, clientId);
            var principalKnown = principal is not null && IsReplicated(principal.Replication, now);
            var graph = GraphServicePrincipal(tenantId);
            var roles = principalKnown
                ? principal!.AppRoleAssignments.Where(a => a.ResourceId == graph.ObjectId)
                    .Select(a => graph.AppRoles.FirstOrDefault(r => r.Id == a.AppRoleId)?.Value)
                    .Where(v => v is not null).Select(v => v!).Distinct(StringComparer.OrdinalIgnoreCase).ToList()
                : [];
            return new SignInClient(
                application.AppId,
                application.DisplayName,
                application.PublicClient,
                principalKnown ? principal!.ObjectId : null,
                roles,
                application.PasswordCredentials.Where(p => IsReplicated(p.Replication, now)).ToList(),
                application.KeyCredentials.Where(k => IsReplicated(k.Replication, now)).Select(k => k.Certificate).ToList());
        }
    }

    internal IReadOnlyList<ApplicationSnapshot> Snapshot(Guid tenantId)
    {
        lock (_gate)
        {
            var graph = GraphServicePrincipal(tenantId);
            string RoleName(Guid id) => graph.AppRoles.FirstOrDefault(r => r.Id == id)?.Value ?? id.ToString();
            return Applications(tenantId).Select(a =>
            {
                var principal = FindServicePrincipal(tenantId, a.AppId);
                return new ApplicationSnapshot(
                    a.ObjectId, a.AppId, a.DisplayName, a.SignInAudience, a.RedirectUris.ToList(), a.PasswordCredentials.Count,
                    a.KeyCredentials.Select(k => k.Certificate.Certificate.Thumbprint).ToList(),
                    principal?.ObjectId,
                    principal?.AppRoleAssignments.Where(r => r.ResourceId == graph.ObjectId).Select(r => RoleName(r.AppRoleId)).ToList() ?? [],
                    a.RequiredResourceAccess.Where(r => r.ResourceAppId == GraphPermissions.AppId).SelectMany(r => r.ResourceAccess)
                        .Where(r => r.Type == "Role").Select(r => RoleName(r.Id)).ToList());
            }).ToList();
        }
    }

    internal static string NewAssignmentId() => Base64Url.Encode(RandomNumberGenerator.GetBytes(32));

    private void Load()
    {
        foreach (var tenant in _seed.Tenants)
        {
            var granted = _seed.Seed.Applications.SelectMany(a => a.ServicePrincipals).SelectMany(p => p.GrantedRoles)
                .Concat(_seed.Seed.ManagedIdentities.SelectMany(i => i.GrantedRoles));
            _servicePrincipals.Add(new ServicePrincipalEntry
            {
                ObjectId = GraphPermissions.StableGuid("graph-sp:" + tenant.Id),
                AppId = GraphPermissions.AppId,
                TenantId = tenant.Id,
                DisplayName = GraphPermissions.DisplayName,
                AppRoles = GraphPermissions.Catalog(granted),
                Replication = Replication.Seeded,
            });
        }

        foreach (var seed in _seed.Seed.Applications)
        {
            var application = new AppRegistration
            {
                ObjectId = GraphPermissions.StableGuid("app:" + seed.ClientId),
                AppId = seed.ClientId,
                HomeTenantId = seed.HomeTenantId ?? seed.ServicePrincipals.FirstOrDefault()?.TenantId ?? Guid.Empty,
                DisplayName = seed.DisplayName,
                PublicClient = seed.PublicClient,
                SignInAudience = seed.ServicePrincipals.Select(p => p.TenantId).Distinct().Count() > 1 ? "AzureADMultipleOrgs" : "AzureADMyOrg",
                Replication = Replication.Seeded,
            };
            application.PasswordCredentials.AddRange(seed.Secrets.Select(s => new PasswordCredentialEntry(
                Guid.TryParse(s.Id, out var keyId) ? keyId : GraphPermissions.StableGuid("secret:" + s.Id), "", s.Value, DateTimeOffset.MinValue, s.EndDateTime, Replication.Seeded)));
            application.KeyCredentials = seed.Certificates.Select(c => new KeyCredentialEntry(
                Guid.TryParse(c.Id, out var keyId) ? keyId : GraphPermissions.StableGuid("key:" + c.Id + c.Certificate), "", new RegisteredCertificate(c), c.Certificate, Replication.Seeded)).ToList();
            _applications.Add(application);

            foreach (var seededPrincipal in seed.ServicePrincipals)
            {
                var principal = AddServicePrincipal(new ServicePrincipalEntry
                {
                    ObjectId = seededPrincipal.ObjectId,
                    AppId = seed.ClientId,
                    TenantId = seededPrincipal.TenantId,
                    DisplayName = seed.DisplayName,
                    Replication = Replication.Seeded,
                });
                var graph = GraphServicePrincipal(seededPrincipal.TenantId);
                foreach (var role in seededPrincipal.GrantedRoles.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    var definition = graph.AppRoles.First(r => r.Value.Equals(role, StringComparison.OrdinalIgnoreCase));
                    principal.AppRoleAssignments.Add(new AppRoleAssignmentEntry(
                        Base64Url.Encode(GraphPermissions.StableGuid("assignment:" + principal.ObjectId + role).ToByteArray()),
                        definition.Id, principal.ObjectId, principal.DisplayName, graph.ObjectId, graph.DisplayName, DateTimeOffset.UnixEpoch));
                }
            }
        }
    }
}

/// <summary>What the token endpoint may use of an app, replicated parts only.</summary>
internal sealed record SignInClient(
    string AppId,
    string DisplayName,
    bool PublicClient,
    Guid? ServicePrincipalId,
    IReadOnlyList<string> GraphRoles,
    IReadOnlyList<PasswordCredentialEntry> Secrets,
    IReadOnlyList<RegisteredCertificate> Certificates);

/// <summary>An app registration as the control API shows it (GET /_sandbox/directory/applications).</summary>
public sealed record ApplicationSnapshot(
    Guid ObjectId,
    string AppId,
    string DisplayName,
    string SignInAudience,
    IReadOnlyList<string> RedirectUris,
    int Secrets,
    IReadOnlyList<string> CertificateThumbprints,
    Guid? ServicePrincipalId,
    IReadOnlyList<string> GrantedRoles,
    IReadOnlyList<string> RequiredRoles);
