using System;
using System.Collections.Generic;
using System.Linq;

namespace GraphMail.Sandbox.Identity;

/// <summary>Who a valid Graph access token speaks for.</summary>
internal sealed record GraphCaller(Guid TenantId, string AppId, string? ObjectId, IReadOnlyList<string> Roles)
{
    internal bool HasRole(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);
}
