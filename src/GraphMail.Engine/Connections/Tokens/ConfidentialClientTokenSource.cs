using System;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections.Failures;
using Microsoft.Identity.Client;

namespace GraphMail.Engine.Connections.Tokens;

/// <summary>Client credentials (secret or certificate) through MSAL's confidential client and its in-memory token cache.</summary>
internal sealed class ConfidentialClientTokenSource : ITokenSource
{
    private readonly IConfidentialClientApplication _application;
    private readonly string[] _scopes;
    private readonly FailureContext _failures;
    private readonly string _host;

    private ConfidentialClientTokenSource(IConfidentialClientApplication application, string scope, FailureContext failures, string host)
    {
        _application = application;
        _scopes = new[] { scope };
        _failures = failures;
        _host = host;
    }

    internal static ConfidentialClientTokenSource Create(ConnectionPlan plan, IMsalHttpClientFactory httpClientFactory)
    {
        var builder = ConfidentialClientApplicationBuilder.Create(plan.ClientId)
            .WithAuthority(plan.Authority)
            .WithHttpClientFactory(httpClientFactory)
            .WithClientName("GraphMail")
            .WithClientVersion(typeof(ConfidentialClientTokenSource).Assembly.GetName().Version?.ToString(3));

        // Only the sandbox: a real cloud's host is one MSAL knows, so discovery costs no network call there.
        if (plan.Sandbox is not null)
        {
            builder = builder.WithInstanceDiscovery(false);
        }

        builder = plan.Credential switch
        {
            ClientSecretCredential secret => builder.WithClientSecret(SecureStrings.Reveal(secret.Secret)),
            CertificateCredential certificate => builder.WithCertificate(certificate.Certificate),
            _ => throw new ArgumentException("Not a client credential: " + plan.Credential.Kind, nameof(plan)),
        };
        return new ConfidentialClientTokenSource(builder.Build(), plan.GraphResource + "/.default", plan.Failures, plan.AuthorityHost);
    }

    public async Task<AccessToken> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        AuthenticationResult result;
        try
        {
            result = await _application.AcquireTokenForClient(_scopes).WithForceRefresh(forceRefresh).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw MsalFailures.Map(e, _failures, _host);
        }

        return new AccessToken(result.AccessToken, JwtClaims.Read(result.AccessToken, result.ExpiresOn));
    }
}
