using System;

namespace GraphMail.Sandbox.Identity;

/// <summary>
/// Which resource identifiers mean Microsoft Graph. Tokens always carry aud https://graph.microsoft.com;
/// the sandbox's own origin is also accepted as a resource so clients that derive the scope from the Graph URL work.
/// </summary>
internal static class GraphResource
{
    internal const string Audience = "https://graph.microsoft.com";
    internal const string AppId = "00000003-0000-0000-c000-000000000000";
    internal const string DefaultSuffix = "/.default";

    internal static bool IsGraph(string resource, string sandboxOrigin)
    {
        var trimmed = resource.TrimEnd('/');
        return string.Equals(trimmed, Audience, StringComparison.OrdinalIgnoreCase) ||
               string.Equals(trimmed, AppId, StringComparison.OrdinalIgnoreCase) ||
               string.Equals(trimmed, sandboxOrigin, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Audiences Graph accepts in a bearer token.</summary>
    internal static bool IsAcceptedAudience(string? audience) =>
        audience is not null &&
        (string.Equals(audience.TrimEnd('/'), Audience, StringComparison.OrdinalIgnoreCase) ||
         string.Equals(audience, AppId, StringComparison.OrdinalIgnoreCase));
}
