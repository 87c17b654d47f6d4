using System;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Identity.Client;
using GraphMail.Engine.Entra;

namespace GraphMail.Engine.Connections.Failures;

/// <summary>MSAL's exceptions, as GraphMail reports them: transport first, then Entra ID's code, then managed identity.</summary>
internal static class MsalFailures
{
    // How MSAL quotes the endpoint: IMDS-style {error, error_description}, or App Service-style {message, correlationId}.
    private static readonly Regex EndpointAnswer = new(
        @"Error Code: (?<code>\S+) Error Description: (?<text>[^\r\n]*)|Error Message: (?<text>.*?)(?: Managed Identity Correlation ID:|[\r\n]|$)",
        RegexOptions.CultureInvariant);

    private static readonly Regex AadstsCode = new(@"\bAADSTS(\d{1,9})\b", RegexOptions.CultureInvariant);

    internal static GraphMailException Map(Exception exception, FailureContext context, string host)
    {
        if (exception is GraphMailException known)
        {
            return known;
        }

        if (exception is MsalException { ErrorCode: var code } && code.StartsWith("managed_identity", StringComparison.Ordinal))
        {
            return ManagedIdentity(exception, code, context, host);
        }

        if (TransportFailures.TryMap(exception, context, host) is { } transport)
        {
            return transport;
        }

        switch (exception)
        {
            case MsalServiceException service:
                var response = EntraErrorResponse.Parse(service.ResponseBody);
                int? status = service.StatusCode == 0 ? null : service.StatusCode;
                // A 5xx with no code, or with one the catalogue does not know (AADSTS90033 "A transient error has
                // occurred" is Entra's own 503), is the service being down, not the request being wrong.
                var catalogued = response.Code is { } listed && AadstsCatalog.Find(listed) is not null;
                if (!catalogued && (status >= 500 || service.ErrorCode is "service_not_available" or "request_timeout"))
                {
                    return new GraphMailException(ErrorIds.TokenServiceUnavailable, GraphMailErrorKind.ResourceUnavailable,
                        $"The Entra ID token service at {host} is not available right now" + (response.Code is { } transient ? $" (AADSTS{transient})." : "."),
                        "Try again in a few minutes; https://status.cloud.microsoft shows outages.", exception)
                        .WithService(response.Code is { } number ? "AADSTS" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) : service.ErrorCode, status, response.TraceId, response.CorrelationId ?? service.CorrelationId);
                }

                return AadstsCatalog.ToException(response, status, context, exception);
            case MsalException msal:
                return new GraphMailException(ErrorIds.AuthenticationFailed, GraphMailErrorKind.Authentication,
                    "MSAL could not get a token: " + msal.Message, null, exception).WithService(msal.ErrorCode, null, null, null);
            default:
                return new GraphMailException(ErrorIds.AuthenticationFailed, GraphMailErrorKind.Authentication,
                    "Getting a token failed: " + exception.Message, null, exception);
        }
    }

    private static GraphMailException ManagedIdentity(Exception exception, string code, FailureContext context, string host)
    {
        var identity = context.ManagedIdentityClientId is null ? "system-assigned managed identity" : "user-assigned managed identity " + context.ManagedIdentityClientId;
        var answer = EndpointAnswer.Match(exception.Message);
        var said = answer.Success ? answer.Groups["text"].Value.Trim() : null;
        int? status = exception is MsalServiceException { StatusCode: > 0 } service ? service.StatusCode : null;
        GraphMailException mapped;
        if (code == "managed_identity_unreachable_network" || TransportFailures.TryMap(exception, context, host) is not null && !answer.Success)
        {
            mapped = new GraphMailException(ErrorIds.ManagedIdentityUnavailable, GraphMailErrorKind.ResourceUnavailable,
                $"No managed identity endpoint answered at {host}: this computer does not run as an Azure resource with a managed identity.",
                "Run this in Azure (Automation account, VM, App Service, Functions) with its identity turned on, or connect with a certificate or client secret.",
                exception);
        }
        else if (IsNotAssigned(exception.Message, said))
        {
            mapped = new GraphMailException(ErrorIds.ManagedIdentityNotFound, GraphMailErrorKind.ObjectNotFound,
                $"The managed identity endpoint has no {identity} for this resource" + (said is null ? "." : ": " + said),
                context.ManagedIdentityClientId is null
                    ? "Turn on the system-assigned identity (Automation account > Identity > System assigned: On), or pass -ManagedIdentityClientId for a user-assigned one."
                    : "Assign that identity to this resource (Identity > User assigned > Add), or check -ManagedIdentityClientId.",
                exception);
        }
        else if (CataloguedCode(said ?? exception.Message) is { } entry)
        {
            // Entra ID's own refusal passed on by the endpoint (AADSTS500011: this cloud's Graph is not in the tenant).
            mapped = new GraphMailException(entry.ErrorId, entry.Kind, context.Render(entry.Cause) + (said is null ? string.Empty : " The endpoint said: " + said), context.Render(entry.Fix), exception);
        }
        else
        {
            mapped = new GraphMailException(ErrorIds.ManagedIdentityFailed, GraphMailErrorKind.Authentication,
                $"The managed identity endpoint refused a token for the {identity}" + (said is null ? "." : ": " + said),
                "Check the resource's Identity settings; https://aka.ms/msal-managed-identity lists the causes.",
                exception);
        }

        var endpointCode = answer.Groups["code"].Success ? answer.Groups["code"].Value : code;
        return mapped.WithService(endpointCode, status, null, (exception as MsalServiceException)?.CorrelationId);
    }

    private static AadstsEntry? CataloguedCode(string text) =>
        AadstsCode.Match(text) is { Success: true } found && int.TryParse(found.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? AadstsCatalog.Find(code)
            : null;

    /// <summary>The endpoint's own words when MSAL quotes them; otherwise MSAL's wording for a 400 from the endpoint.</summary>
    private static bool IsNotAssigned(string message, string? said) =>
        said is not null
            ? Mentions(said, "identity not found") || Mentions(said, "no managed identity")
            : Mentions(message, "has not been assigned") || Mentions(message, "no managed identity");

    private static bool Mentions(string text, string phrase) => text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase) >= 0;
}
