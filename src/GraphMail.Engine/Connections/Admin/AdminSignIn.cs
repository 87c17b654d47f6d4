using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections.Failures;
using GraphMail.Engine.Consent.Discovery;
using GraphMail.Engine.Connections.Tokens;
using GraphMail.Engine.Transport;
using Microsoft.Identity.Client;

namespace GraphMail.Engine.Connections.Admin;

/// <summary>
/// Connect-GraphMailAdmin's engine: an administrator signs in through MSAL's public client, with a device code by
/// default (terminals, SSH, Cloud Shell, containers) or the system browser (-Interactive), asking only for the
/// directory permissions GraphMail's setup needs.
/// </summary>
public static class AdminSignIn
{
    public static async Task<AdminConnection> SignInAsync(AdminSignInRequest request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var tenant = TenantIdentifier.Parse(request.TenantId);
        var clientId = InputChecks.ClientId(request.AdminClientId ?? AdminSignInRequest.GraphCommandLineToolsClientId);
        var cloud = CloudEnvironments.Get(request.Environment);
        if (request.Interactive && request.Sandbox is not null)
        {
            throw new GraphMailException(ErrorIds.AdminSignInNotSupported, GraphMailErrorKind.NotSupported,
                "GraphMail.Sandbox emulates the device code sign-in only, not the browser's.",
                "Leave out -Interactive: approve the sign-in with the sandbox's deviceCodeApprover setting, its /devicelogin page, or POST /_sandbox/devicecode/approve.");
        }

        var authorityBase = request.Sandbox?.AuthorityBaseUri ?? cloud.AuthorityBaseUri;
        var host = authorityBase.IsDefaultPort ? authorityBase.Host : authorityBase.Authority;
        var failures = new FailureContext(tenant.Value, clientId, request.Sandbox is null ? cloud.Name.ToString() : "GraphMail.Sandbox", host, request.Sandbox is not null, null, null);
        var http = ConnectionHttp.Create(request.Sandbox);
        try
        {
            var builder = PublicClientApplicationBuilder.Create(clientId)
                .WithAuthority(authorityBase.GetLeftPart(UriPartial.Authority) + "/" + tenant.Value)
                .WithHttpClientFactory(new MsalHttpClientFactory(http.ForMsal))
                .WithClientName("GraphMail")
                .WithClientVersion(typeof(AdminSignIn).Assembly.GetName().Version?.ToString(3))
                .WithRedirectUri("http://localhost");
            if (request.Sandbox is not null)
            {
                builder = builder.WithInstanceDiscovery(false);
            }

            var application = builder.Build();
            var scopes = AdminScopes.For(cloud);
            var result = await AcquireAsync(application, scopes, request, failures, host, cancellationToken).ConfigureAwait(false);
            var tenantId = Guid.TryParse(result.TenantId, out var tid) ? tid : tenant.Id ?? Guid.Empty;
            var info = new AdminConnectionInfo(
                tenantId,
                tenant.Domain ?? await TenantDomainFinder.FindAsync(OpenIdTenantDirectory.Default, authorityBase, request.Sandbox, tenantId, new[] { result.Account?.Username }, cancellationToken).ConfigureAwait(false),
                result.Account?.Username ?? string.Empty,
                clientId,
                result.Scopes.Select(s => s.Substring(s.LastIndexOf('/') + 1)).Where(s => AdminScopes.Names.Contains(s, StringComparer.OrdinalIgnoreCase)).ToArray(),
                result.ExpiresOn,
                failures.Cloud,
                request.Sandbox is not null);
            if (tenant.Id is { } expected && info.TenantId != expected)
            {
                throw new GraphMailException(ErrorIds.AdminTenantMismatch, GraphMailErrorKind.InvalidArgument,
                    $"The administrator signed in to tenant {info.TenantId}, not {expected}.", "Sign in with an account of tenant " + expected + ".");
            }

            return new AdminConnection(info, cloud, request.Sandbox, http, new AdminTokenSource(application, result.Account!, scopes, failures, host));
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    private static async Task<AuthenticationResult> AcquireAsync(
        IPublicClientApplication application, string[] scopes, AdminSignInRequest request, FailureContext failures, string host, CancellationToken cancellationToken)
    {
        try
        {
            return request.Interactive
                ? await application.AcquireTokenInteractive(scopes).WithUseEmbeddedWebView(false).ExecuteAsync(cancellationToken).ConfigureAwait(false)
                : await application.AcquireTokenWithDeviceCode(scopes, code =>
                {
                    request.ShowDeviceCode(code.Message);
                    return Task.CompletedTask;
                }).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MsalClientException e) when (request.Interactive && e.ErrorCode is "linux_xdg_open_failed" or "no_system_browser" or "browser_not_supported")
        {
            throw new GraphMailException(ErrorIds.AdminSignInNotSupported, GraphMailErrorKind.NotSupported,
                "No browser can be opened on this computer for -Interactive: " + e.Message,
                "Leave out -Interactive and sign in with the device code on any other device.", e);
        }
        catch (MsalClientException e) when (e.ErrorCode == MsalError.CodeExpired)
        {
            throw new GraphMailException(ErrorIds.AdminSignInExpired, GraphMailErrorKind.OperationTimeout,
                "The sign-in code expired before anyone signed in with it.", "Run the command again and enter the new code within 15 minutes.", e);
        }
        catch (Exception e) when (e is MsalException && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            var mapped = MsalFailures.Map(e, failures, host);
            throw mapped.ErrorId != ErrorIds.CredentialMissing
                ? mapped
                : new GraphMailException(ErrorIds.AdminSignInFailed, GraphMailErrorKind.Authentication,
                    $"App {failures.ClientId} does not allow public client sign-ins (a device code or a browser without a secret).",
                    "In Entra ID > App registrations > the app > Authentication, set 'Allow public client flows' to Yes, or leave out -AdminClientId to sign in through Microsoft Graph Command Line Tools.",
                    e).WithService(mapped.ServiceCode, mapped.HttpStatus, mapped.RequestId, mapped.ClientRequestId);
        }
    }
}
