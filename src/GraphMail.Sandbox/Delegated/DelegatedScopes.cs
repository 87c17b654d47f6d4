using System;
using System.Collections.Generic;
using System.Linq;
using GraphMail.Sandbox.Applications;
using GraphMail.Sandbox.Identity;

namespace GraphMail.Sandbox.Delegated;

/// <summary>
/// The scopes of a delegated request: OpenID Connect ones (openid, profile, email, offline_access) and Microsoft Graph
/// permissions, bare ("Mail.Send") or with Graph's resource ("https://graph.microsoft.com/Mail.Send"). Graph's
/// "/.default" stands for the directory permissions the admin sign-in asks for.
/// </summary>
internal sealed class DelegatedScopes
{
    private static readonly HashSet<string> OpenId = new(StringComparer.OrdinalIgnoreCase) { "openid", "profile", "offline_access", "email" };

    private DelegatedScopes(IReadOnlyList<string> requested, IReadOnlyList<string> graph)
    {
        Requested = requested;
        Graph = graph;
    }

    /// <summary>As the client sent them (the answer's scope echoes these).</summary>
    internal IReadOnlyList<string> Requested { get; }

    /// <summary>The Graph permission names: the token's scp.</summary>
    internal IReadOnlyList<string> Graph { get; }

    internal bool WantsRefreshToken => Requested.Contains("offline_access", StringComparer.OrdinalIgnoreCase);

    internal bool WantsIdToken => Requested.Contains("openid", StringComparer.OrdinalIgnoreCase);

    /// <summary>The scopes, or null with the one that names another resource.</summary>
    internal static DelegatedScopes? Parse(string scope, string sandboxOrigin, out string? invalid)
    {
        invalid = null;
        var requested = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var graph = new List<string>();
        foreach (var item in requested.Where(s => !OpenId.Contains(s)))
        {
            var slash = item.LastIndexOf('/');
            if (slash > 0 && !GraphResource.IsGraph(item[..slash], sandboxOrigin))
            {
                invalid = item;
                return null;
            }

            var name = item[(slash + 1)..];
            graph.AddRange(name == ".default" ? [GraphPermissions.ApplicationReadWriteAll, GraphPermissions.AppRoleAssignmentReadWriteAll] : [name]);
        }

        return new DelegatedScopes(requested, graph.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }
}
