using System;
using System.Collections.Generic;
using System.Linq;

namespace GraphMail.Sandbox.Identity;

/// <summary>Who a valid Graph access token speaks for: an app (roles), or a user through an app (scopes, delegated).</summary>
internal sealed record GraphCaller(Guid TenantId, string AppId, string? ObjectId, IReadOnlyList<string> Roles)
{
    /// <summary>The delegated scopes (scp) of a user's token; empty for app-only tokens.</summary>
    internal IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>True for a user's (delegated) token: ObjectId is then the user's.</summary>
    internal bool IsUser { get; init; }

    internal bool HasRole(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);

    internal bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.OrdinalIgnoreCase);
}
