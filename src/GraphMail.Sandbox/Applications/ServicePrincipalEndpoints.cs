using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GraphMail.Sandbox.Hosting;
using GraphMail.Sandbox.Mail;
using GraphMail.Sandbox.Routing;
using GraphMail.Sandbox.Seed;

namespace GraphMail.Sandbox.Applications;

/// <summary>
/// /v1.0/servicePrincipals in the caller's tenant: list ($filter on appId or displayName), create for an app, get,
/// delete (by id or (appId='...')), and app role assignments both ways: appRoleAssignedTo (grants of this resource's
/// roles) and appRoleAssignments (roles granted to this principal).
/// </summary>
internal sealed class ServicePrincipalEndpoints(SandboxState state)
{
    private const string EntitySet = "servicePrincipals";

    private DirectoryStore Store => state.DirectoryObjects;

    internal Task<SandboxResponse> ListAsync(SandboxRequest request) => Run(request, DirectoryAction.Read, tenant =>
    {
        var filter = request.QueryValue("$filter");
        ODataFilter? parsed = null;
        if (filter is not null && (parsed = ODataFilter.TryParse(filter, out var unsupported)) is null)
        {
            return DirectoryErrors.UnsupportedFilter(request, unsupported!, "servicePrincipal");
        }

        var principals = Store.ServicePrincipals(tenant.Id).Where(p => parsed is null || parsed.Matches(parsed.Property switch
        {
            "appId" => p.AppId,
            "displayName" => p.DisplayName,
            _ => p.ObjectId.ToString(),
        }));
        return DirectoryJson.Collection(request, EntitySet, principals.Select(Json).ToList());
    });

    internal Task<SandboxResponse> GetAsync(SandboxRequest request) => WithPrincipal(request, DirectoryAction.Read, (principal, _) =>
        DirectoryJson.Entity(request, 200, EntitySet, Json(principal)));

    internal Task<SandboxResponse> CreateAsync(SandboxRequest request) => Run(request, DirectoryAction.ManageApplications, tenant =>
    {
        var body = JsonBody.Read(request, out var error);
        if (body is null)
        {
            return error!;
        }

        var appId = JsonBody.ReadString(body["appId"]) ?? "";
        var app = Store.FindApplicationByAppId(appId);
        if (app is null || (app.HomeTenantId != tenant.Id && !app.IsMultiTenant))
        {
            return DirectoryErrors.BadRequest(request, $"The appId '{appId}' of the service principal does not reference a valid application object.");
        }

        if (Store.FindServicePrincipal(tenant.Id, appId) is not null)
        {
            return GraphErrors.Create(request, 409, "Request_MultipleObjectsWithSameKeyValue",
                "The service principal cannot be created, updated, or restored because the service principal name https://identity/" + appId + " is already in use.");
        }

        var principal = Store.AddServicePrincipal(new ServicePrincipalEntry
        {
            ObjectId = Guid.NewGuid(),
            AppId = app.AppId,
            TenantId = tenant.Id,
            DisplayName = app.DisplayName,
            Replication = Replication.Starting(state.Clock.GetUtcNow(), state.Settings.ReplicationDelaySeconds),
        });
        return DirectoryJson.Entity(request, 201, EntitySet, Json(principal));
    });

    internal Task<SandboxResponse> DeleteAsync(SandboxRequest request) => WithPrincipal(request, DirectoryAction.ManageApplications, (principal, _) =>
    {
        Store.DeleteServicePrincipal(principal);
        return SandboxResponse.Empty(204);
    });

    internal Task<SandboxResponse> ListAssignedToAsync(SandboxRequest request) => WithPrincipal(request, DirectoryAction.Read, (resource, _) =>
        DirectoryJson.Collection(request, EntitySet + "('" + resource.ObjectId + "')/appRoleAssignedTo", Store.AssignedTo(resource).Select(DirectoryJson.AppRoleAssignment).ToList()));

    internal Task<SandboxResponse> ListAssignmentsAsync(SandboxRequest request) => WithPrincipal(request, DirectoryAction.Read, (principal, _) =>
        DirectoryJson.Collection(request, EntitySet + "('" + principal.ObjectId + "')/appRoleAssignments", principal.AppRoleAssignments.Select(DirectoryJson.AppRoleAssignment).ToList()));

    /// <summary>POST …/appRoleAssignedTo (addressed by the resource) or …/appRoleAssignments (by the principal): the same grant.</summary>
    internal Task<SandboxResponse> GrantAsync(SandboxRequest request) => WithPrincipal(request, DirectoryAction.AssignAppRoles, (addressed, tenant) =>
    {
        var body = JsonBody.Read(request, out var error);
        if (body is null)
        {
            return error!;
        }

        var principal = Store.FindServicePrincipalById(tenant.Id, ReadGuid(body["principalId"]));
        var resource = Store.FindServicePrincipalById(tenant.Id, ReadGuid(body["resourceId"]));
        var appRoleId = ReadGuid(body["appRoleId"]);
        var addressedAsResource = request.Path.EndsWith("/appRoleAssignedTo", StringComparison.OrdinalIgnoreCase);
        if (principal is null || resource is null || (addressedAsResource ? resource : principal) != addressed)
        {
            return DirectoryErrors.BadRequest(request, "Invalid value specified for property 'principalId' or 'resourceId' of resource 'AppRoleAssignment'.");
        }

        if (resource.AppRoles.All(r => r.Id != appRoleId))
        {
            return DirectoryErrors.BadRequest(request, "Permission being assigned was not found on application '" + resource.AppId + "'.");
        }

        if (principal.AppRoleAssignments.Any(a => a.ResourceId == resource.ObjectId && a.AppRoleId == appRoleId))
        {
            return DirectoryErrors.BadRequest(request, "Permission being assigned already exists on the object");
        }

        var assignment = new AppRoleAssignmentEntry(DirectoryStore.NewAssignmentId(), appRoleId, principal.ObjectId, principal.DisplayName,
            resource.ObjectId, resource.DisplayName, state.Clock.GetUtcNow());
        principal.AppRoleAssignments.Add(assignment);
        return DirectoryJson.Entity(request, 201, EntitySet + "('" + addressed.ObjectId + "')/" + (addressedAsResource ? "appRoleAssignedTo" : "appRoleAssignments"),
            DirectoryJson.AppRoleAssignment(assignment));
    });

    internal Task<SandboxResponse> RevokeAsync(SandboxRequest request) => WithPrincipal(request, DirectoryAction.AssignAppRoles, (addressed, tenant) =>
    {
        var id = request.RouteValue("assignment");
        var owner = Store.ServicePrincipals(tenant.Id).FirstOrDefault(p => p.AppRoleAssignments.Any(a => a.Id == id &&
            (a.PrincipalId == addressed.ObjectId || a.ResourceId == addressed.ObjectId)));
        if (owner is null)
        {
            return DirectoryErrors.NotFound(request, id);
        }

        owner.AppRoleAssignments.RemoveAll(a => a.Id == id);
        return SandboxResponse.Empty(204);
    });

    private JsonObject Json(ServicePrincipalEntry principal) =>
        DirectoryJson.ServicePrincipal(principal, Store.FindApplicationByAppId(principal.AppId)?.HomeTenantId ?? principal.TenantId);

    private Task<SandboxResponse> WithPrincipal(SandboxRequest request, DirectoryAction action, Func<ServicePrincipalEntry, DirectoryTenant, SandboxResponse> handler) =>
        Run(request, action, tenant =>
        {
            var (key, principal) = request.RouteValues.TryGetValue("appId", out var appId)
                ? (appId, Store.FindServicePrincipal(tenant.Id, appId))
                : (request.RouteValue("id"), Guid.TryParse(request.RouteValue("id"), out var id) ? Store.FindServicePrincipalById(tenant.Id, id) : null);
            return principal is null ? DirectoryErrors.NotFound(request, key) : handler(principal, tenant);
        });

    private Task<SandboxResponse> Run(SandboxRequest request, DirectoryAction action, Func<DirectoryTenant, SandboxResponse> handler) =>
        Task.FromResult(DirectoryAccess.Check(state, request, action) ?? Store.Locked(() => handler(DirectoryAccess.CallerTenant(state, request))));

    private static Guid ReadGuid(JsonNode? node) => Guid.TryParse(JsonBody.ReadString(node), out var id) ? id : Guid.Empty;
}
