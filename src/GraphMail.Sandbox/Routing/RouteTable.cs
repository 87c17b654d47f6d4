using System;
using System.Collections.Generic;

namespace GraphMail.Sandbox.Routing;

internal sealed record RouteMatch(SandboxRoute Route, Dictionary<string, string> Values);

/// <summary>Finds the route for a method and path; tells "no such path" from "path exists, method not allowed".</summary>
internal sealed class RouteTable(IReadOnlyList<SandboxRoute> routes)
{
    internal RouteMatch? Match(string method, string path, out bool pathExists)
    {
        pathExists = false;
        foreach (var route in routes)
        {
            if (!route.Template.TryMatch(path, out var values))
            {
                continue;
            }

            pathExists = true;
            if (string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                return new RouteMatch(route, values);
            }
        }

        return null;
    }
}
