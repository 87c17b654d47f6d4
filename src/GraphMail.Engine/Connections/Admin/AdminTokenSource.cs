using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections.Failures;
using GraphMail.Engine.Connections.Tokens;
using Microsoft.Identity.Client;

namespace GraphMail.Engine.Connections.Admin;

/// <summary>The admin's later tokens: MSAL's in-memory cache, renewed with the refresh token; never persisted.</summary>
internal sealed class AdminTokenSource : MsalTokenSource
{
    private readonly IPublicClientApplication _application;
    private readonly IAccount _account;
    private readonly string[] _scopes;

    internal AdminTokenSource(IPublicClientApplication application, IAccount account, string[] scopes, FailureContext failures, string host)
        : base(failures, host)
    {
        _application = application;
        _account = account;
        _scopes = scopes;
    }

    private protected override Task<AuthenticationResult> ExecuteAsync(bool forceRefresh, CancellationToken cancellationToken) =>
        _application.AcquireTokenSilent(_scopes, _account).WithForceRefresh(forceRefresh).ExecuteAsync(cancellationToken);
}
