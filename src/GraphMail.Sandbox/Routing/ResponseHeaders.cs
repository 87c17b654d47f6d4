using System;
using System.Text.Json.Nodes;

namespace GraphMail.Sandbox.Routing;

/// <summary>The headers Entra ID and Graph put on every answer.</summary>
internal static class ResponseHeaders
{
    private static readonly string AgsDiagnostic = new JsonObject
    {
        ["ServerInfo"] = new JsonObject
        {
            ["DataCenter"] = "GraphMail Sandbox",
            ["Slice"] = "E",
            ["Ring"] = "0",
            ["ScaleUnit"] = "000",
            ["RoleInstance"] = Environment.MachineName,
        },
    }.ToJsonString();

    internal static void Apply(RouteKind kind, SandboxRequest request, SandboxResponse response)
    {
        if (response.AbortConnection)
        {
            return;
        }

        if (kind == RouteKind.Identity)
        {
            response.Headers["x-ms-request-id"] = request.RequestId;
            response.Headers.TryAdd("Cache-Control", "no-store, no-cache");
            response.Headers.TryAdd("Pragma", "no-cache");
            response.Headers.TryAdd("Expires", "-1");
            response.Headers["x-ms-ests-server"] = "GraphMail.Sandbox";
            if (string.Equals(request.Header("return-client-request-id"), "true", StringComparison.OrdinalIgnoreCase) && request.ClientRequestId is { } echo)
            {
                response.Headers["client-request-id"] = echo;
            }

            return;
        }

        response.Headers["request-id"] = request.RequestId;
        response.Headers["client-request-id"] = request.ClientRequestId ?? request.RequestId;
        response.Headers["x-ms-ags-diagnostic"] = AgsDiagnostic;
        response.Headers.TryAdd("Cache-Control", "no-store, no-cache");
    }
}
