using System;
using System.Collections.Generic;
using System.Linq;
using GraphMail.Sandbox.Hosting;
using GraphMail.Sandbox.Identity;
using GraphMail.Sandbox.Routing;
using GraphMail.Sandbox.Seed;

namespace GraphMail.Sandbox.Mail;

/// <summary>The mailbox a Graph mail request addresses, once the caller may act on it.</summary>
internal sealed record MailboxGrant(DirectoryTenant Tenant, SeedUser Mailbox)
{
    internal long MaxSendSize(SandboxSettings settings) => Mailbox.MaxSendSizeBytes ?? settings.DefaultMaxSendSizeBytes;
}

/// <summary>
/// Decides whether the caller may use a mailbox, in this order: the token carries a permission (Entra app role, or
/// an Exchange RBAC for Applications assignment); the mailbox exists and is REST-enabled; mailbox scoping allows it
/// (legacy application access policies restrict Entra grants; RBAC grants add within their management scope).
/// </summary>
internal static class MailboxAccess
{
    internal static readonly string[] Send = ["Mail.Send"];
    internal static readonly string[] ReadWrite = ["Mail.ReadWrite"];
    internal static readonly string[] Read = ["Mail.ReadWrite", "Mail.Read"];
    internal static readonly string[] ReadBasic = ["Mail.ReadWrite", "Mail.Read", "Mail.ReadBasic"];

    internal static MailboxGrant? Resolve(SandboxState state, SandboxRequest request, IReadOnlyList<string> acceptedRoles, out SandboxResponse? error)
    {
        error = null;
        var caller = request.Caller!;
        var tenant = state.Directory.FindTenant(caller.TenantId.ToString())!;
        var now = state.Clock.GetUtcNow();
        var entraGrant = acceptedRoles.Any(caller.HasRole);
        var rbac = tenant.Seed.RoleAssignments
            .Where(a => string.Equals(a.AppId, caller.AppId, StringComparison.OrdinalIgnoreCase) &&
                        state.Directory.IsEffective(a.EffectiveAt, a.EffectiveAfterSeconds, now))
            .ToList();
        var rbacForRole = rbac.Where(a => acceptedRoles.Any(r => string.Equals(a.Role, "Application " + r, StringComparison.OrdinalIgnoreCase))).ToList();

        if (!entraGrant && rbacForRole.Count == 0)
        {
            // A user's (delegated) token is not how GraphMail sends: the sandbox's mail routes serve apps only.
            error = caller.Roles.Count == 0 && rbac.Count == 0 && !caller.IsUser
                ? GraphErrors.Create(request, 401, "NoPermissionsInAccessToken", "The token contains no permissions, or permissions can not be understood.")
                : GraphErrors.Create(request, 403, "ErrorAccessDenied", GraphErrors.AccessDenied);
            return null;
        }

        var segment = request.RouteValue("user");
        var mailbox = tenant.FindUser(segment);
        if (mailbox is null || mailbox.Kind == SeedUserKind.Group)
        {
            error = GraphErrors.Create(request, 404, "ErrorInvalidUser", $"The requested user '{segment}' is invalid.");
            return null;
        }

        if (mailbox.Kind == SeedUserKind.UserWithoutMailbox || !mailbox.Licensed || !mailbox.RestEnabled)
        {
            error = GraphErrors.Create(request, 404, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
            return null;
        }

        var allowed = (entraGrant && !PolicyBlocks(state, tenant, caller.AppId, mailbox, now)) ||
                      rbacForRole.Any(a => InScope(tenant, a, mailbox));
        if (!allowed)
        {
            error = GraphErrors.Create(request, 403, "ErrorAccessDenied", GraphErrors.PolicyDenied);
            return null;
        }

        return new MailboxGrant(tenant, mailbox);
    }

    private static bool PolicyBlocks(SandboxState state, DirectoryTenant tenant, string appId, SeedUser mailbox, DateTimeOffset now)
    {
        var policies = tenant.Seed.ApplicationAccessPolicies
            .Where(p => p.AppIds.Contains(appId, StringComparer.OrdinalIgnoreCase) && state.Directory.IsEffective(p.EffectiveAt, p.EffectiveAfterSeconds, now))
            .ToList();
        if (policies.Any(p => p.AccessRight == SeedAccessRight.DenyAccess && tenant.IsGroupMember(p.ScopeGroup, mailbox)))
        {
            return true;
        }

        var restricting = policies.Where(p => p.AccessRight == SeedAccessRight.RestrictAccess).ToList();
        return restricting.Count > 0 && !restricting.Any(p => tenant.IsGroupMember(p.ScopeGroup, mailbox));
    }

    private static bool InScope(DirectoryTenant tenant, SeedRoleAssignment assignment, SeedUser mailbox)
    {
        if (assignment.Scope is null)
        {
            return true;
        }

        var scope = tenant.FindScope(assignment.Scope)!;
        return scope.Recipients.Any(r => tenant.FindUser(r)?.Id == mailbox.Id) ||
               (scope.RecipientRestrictionFilter is { } filter && RecipientFilter.Parse(filter).Matches(mailbox));
    }
}
