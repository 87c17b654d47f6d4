using System.Globalization;
using GraphMail.Sandbox.Identity;
using GraphMail.Sandbox.Mail;

namespace GraphMail.Sandbox.Routing;

/// <summary>Error answers for injected faults, in the envelope of the route's family (Entra ID or Graph).</summary>
internal static class FaultResponses
{
    internal static SandboxResponse Status(RouteKind kind, SandboxRequest request, int status, int? retryAfterSeconds)
    {
        var response = kind == RouteKind.Identity ? Identity(request, status) : Graph(request, status);
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return response;
    }

    private static SandboxResponse Identity(SandboxRequest request, int status) => status == 429
        ? AadErrors.Create(request, 429, "temporarily_unavailable", 90055, "There are too many incoming requests. Please retry later.")
        : AadErrors.Create(request, status, "temporarily_unavailable", 90033, "A transient error has occurred. Please try again.");

    private static SandboxResponse Graph(SandboxRequest request, int status) => status switch
    {
        429 => GraphErrors.TooManyRequests(request, 0),
        503 => GraphErrors.Create(request, 503, "ServiceUnavailable", "The service is temporarily unavailable. Please retry later."),
        _ => GraphErrors.Create(request, status, "GatewayTimeout", "The gateway did not receive a response from the mailbox server in time."),
    };
}
