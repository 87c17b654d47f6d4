using System;
using System.Net.Http;
using GraphMail.Engine.Connections.Admin;
using GraphMail.Engine.Connections.Failures;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace GraphMail.Engine.Applications;

/// <summary>What the directory answered, as GraphMail reports it: a refused privilege names the roles that allow the step.</summary>
internal static class DirectoryFailures
{
    internal static GraphMailException Map(Exception exception, AdminConnection admin, string step)
    {
        switch (exception)
        {
            case GraphMailException known:
                return known;
            case ODataError { ResponseStatusCode: 403 } denied:
                return new GraphMailException(ErrorIds.DirectoryPermissionDenied, GraphMailErrorKind.PermissionDenied,
                    $"Entra ID refused {admin.Info.UserPrincipalName} to {step} ({denied.Error?.Code}: {denied.Error?.Message}).",
                    "Sign in with Connect-GraphMailAdmin as a Global Administrator, or as an Application Administrator who is also a Privileged Role Administrator (granting Mail.Send is admin consent).",
                    exception).WithService(denied.Error?.Code, 403, denied.Error?.InnerError?.RequestId, denied.Error?.InnerError?.ClientRequestId);
            case ODataError error:
                return new GraphMailException(ErrorIds.DirectoryRequestFailed, GraphMailErrorKind.InvalidOperation,
                    $"Entra ID could not {step}: {error.Error?.Code}: {error.Error?.Message}",
                    "Run the command again: every step first looks up what an earlier run made.",
                    exception).WithService(error.Error?.Code, error.ResponseStatusCode, error.Error?.InnerError?.RequestId, error.Error?.InnerError?.ClientRequestId);
            case ApiException api:
                return new GraphMailException(ErrorIds.DirectoryRequestFailed, GraphMailErrorKind.InvalidOperation,
                    $"Microsoft Graph could not {step} (HTTP {api.ResponseStatusCode}).", "Run the command again: every step first looks up what an earlier run made.", exception);
            default:
                var host = admin.GraphBaseUri.IsDefaultPort ? admin.GraphBaseUri.Host : admin.GraphBaseUri.Authority;
                var context = new FailureContext(admin.Info.TenantId.ToString(), admin.Info.ClientId, admin.Info.Cloud, host, admin.Info.IsSandbox, null, null);
                return (exception is HttpRequestException or TimeoutException ? TransportFailures.TryMap(exception, context, host) : null)
                    ?? new GraphMailException(ErrorIds.DirectoryRequestFailed, GraphMailErrorKind.InvalidOperation, $"Could not {step}: {exception.Message}", null, exception);
        }
    }
}
