using System;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections.Failures;
using Microsoft.Identity.Client;

namespace GraphMail.Engine.Connections.Tokens;

/// <summary>Client credentials (secret or certificate) through MSAL's confidential client and its in-memory token cache.</summary>
internal sealed class ConfidentialClientTokenSource : MsalTokenSource
{
    private readonly IConfidentialClientApplication _application;
    private readonly string[] _scopes;

    private ConfidentialClientTokenSource(IConfidentialClientApplication application, string scope, FailureContext failures, string host)
        : base(failures, host)
    {
        _application = application;
        _scopes = new[] { scope };
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

    private protected override Task<AuthenticationResult> ExecuteAsync(bool forceRefresh, CancellationToken cancellationToken) =>
        _application.AcquireTokenForClient(_scopes).WithForceRefresh(forceRefresh).ExecuteAsync(cancellationToken);
}
