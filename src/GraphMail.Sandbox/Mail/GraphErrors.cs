using System;
using System.Globalization;
using System.Text.Json.Nodes;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Sandbox.Mail;

/// <summary>Graph's error envelope: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}.</summary>
internal static class GraphErrors
{
    internal const string ContentType = "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";

    internal const string AccessDenied = "Access is denied. Check credentials and try again.";

    internal const string PolicyDenied = "Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.";

    internal static SandboxResponse Create(SandboxRequest request, int status, string code, string message) =>
        SandboxResponse.Json(status, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = InnerError(request),
            },
        }, ContentType);

    /// <summary>The documented generic throttling answer.</summary>
    internal static SandboxResponse TooManyRequests(SandboxRequest request, int retryAfterSeconds)
    {
        var inner = InnerError(request);
        inner["code"] = "429";
        inner["message"] = "Please retry after";
        inner["status"] = "429";
        var response = SandboxResponse.Json(429, new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = "TooManyRequests", ["innerError"] = inner, ["message"] = "Please retry again later." },
        }, ContentType);
        return response.WithHeader("Retry-After", retryAfterSeconds.ToString(CultureInfo.InvariantCulture));
    }

    internal static SandboxResponse MailboxConcurrency(SandboxRequest request, int retryAfterSeconds) =>
        Create(request, 429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.")
            .WithHeader("Retry-After", retryAfterSeconds.ToString(CultureInfo.InvariantCulture));

    internal static SandboxResponse InvalidToken(SandboxRequest request, string message) =>
        Create(request, 401, "InvalidAuthenticationToken", message)
            .WithHeader("WWW-Authenticate", "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"");

    internal static SandboxResponse BadRequest(SandboxRequest request, string code, string message) => Create(request, 400, code, message);

    internal static SandboxResponse ItemNotFound(SandboxRequest request) =>
        Create(request, 404, "ErrorItemNotFound", "The specified object was not found in the store.");

    internal static SandboxResponse RequestTooLarge(SandboxRequest request, long limit) =>
        Create(request, 413, "RequestEntityTooLarge", $"The request is larger than the maximum of {limit} bytes.");

    private static JsonObject InnerError(SandboxRequest request) => new()
    {
        ["date"] = request.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        ["request-id"] = request.RequestId,
        ["client-request-id"] = request.ClientRequestId ?? request.RequestId,
    };
}
