using System;
using System.Globalization;
using System.Text.Json.Nodes;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Sandbox.Identity;

/// <summary>Entra ID's OAuth error envelope: error, error_description with the AADSTS text and trace lines, codes, ids.</summary>
internal static class AadErrors
{
    internal static SandboxResponse Create(SandboxRequest request, int status, string error, int code, string text)
    {
        var timestamp = request.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var correlationId = Guid.TryParse(request.ClientRequestId, out var clientRequestId) ? clientRequestId.ToString() : Guid.NewGuid().ToString();
        var body = new JsonObject
        {
            ["error"] = error,
            ["error_description"] = $"AADSTS{code}: {text}\r\nTrace ID: {request.RequestId}\r\nCorrelation ID: {correlationId}\r\nTimestamp: {timestamp}",
            ["error_codes"] = new JsonArray(code),
            ["timestamp"] = timestamp,
            ["trace_id"] = request.RequestId,
            ["correlation_id"] = correlationId,
            ["error_uri"] = "https://login.microsoftonline.com/error?code=" + code.ToString(CultureInfo.InvariantCulture),
        };
        return SandboxResponse.Json(status, body);
    }

    internal static SandboxResponse TenantNotFound(SandboxRequest request, string tenant) =>
        Create(request, 400, "invalid_request", 90002,
            $"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. " +
            "Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.");

    internal static SandboxResponse MissingParameter(SandboxRequest request, string parameter) =>
        Create(request, 400, "invalid_request", 900144, $"The request body must contain the following parameter: '{parameter}'.");
}
