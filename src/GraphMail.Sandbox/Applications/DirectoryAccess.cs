using System;
using System.Linq;
using GraphMail.Sandbox.Hosting;
using GraphMail.Sandbox.Identity;
using GraphMail.Sandbox.Routing;
using GraphMail.Sandbox.Seed;

namespace GraphMail.Sandbox.Applications;

internal enum DirectoryAction
{
    Read,
    ManageApplications,

    /// <summary>Granting Microsoft Graph's app roles (admin consent for application permissions).</summary>
    AssignAppRoles,
}

/// <summary>
/// Who may do what in the directory, as Graph decides it: an app-only token needs the application permission; a user's
/// token needs the delegated scope and a directory role that allows the operation (Graph's permissions tables: Global
/// or Application / Cloud Application Administrator to manage apps; Global or Privileged Role Administrator to grant
/// Microsoft Graph's app roles). Otherwise 403 Authorization_RequestDenied.
/// </summary>
internal static class DirectoryAccess
{
    private static readonly string[] AppManagers = ["Global Administrator", "Application Administrator", "Cloud Application Administrator"];
    private static readonly string[] RoleGranters = ["Global Administrator", "Privileged Role Administrator"];

    internal static SandboxResponse? Check(SandboxState state, SandboxRequest request, DirectoryAction action)
    {
        var caller = request.Caller!;
        var (permissions, roles) = action switch
        {
            DirectoryAction.Read => (new[] { GraphPermissions.ApplicationReadAll, GraphPermissions.ApplicationReadWriteAll, GraphPermissions.DirectoryReadAll }, Array.Empty<string>()),
            DirectoryAction.ManageApplications => (new[] { GraphPermissions.ApplicationReadWriteAll }, AppManagers),
            _ => (new[] { GraphPermissions.AppRoleAssignmentReadWriteAll }, RoleGranters),
        };

        if (!caller.IsUser)
        {
            return permissions.Any(caller.HasRole) ? null : DirectoryErrors.Denied(request);
        }

        var user = caller.ObjectId is { } id ? state.Directory.FindTenant(caller.TenantId.ToString())?.FindUser(id) : null;
        var allowed = user is not null && permissions.Any(caller.HasScope) &&
                      (roles.Length == 0 || roles.Any(r => user.DirectoryRoles.Contains(r, StringComparer.OrdinalIgnoreCase)));
        return allowed ? null : DirectoryErrors.Denied(request);
    }

    internal static DirectoryTenant CallerTenant(SandboxState state, SandboxRequest request) =>
        state.Directory.FindTenant(request.Caller!.TenantId.ToString())!;
}
