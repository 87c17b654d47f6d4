using System;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections.Failures;
using Microsoft.Identity.Client;

namespace GraphMail.Engine.Connections.Tokens;

/// <summary>What both MSAL token sources share: one MSAL call, its failures mapped, the token's claims read.</summary>
internal abstract class MsalTokenSource : ITokenSource
{
    private readonly FailureContext _failures;
    private readonly string _host;

    /// <param name="host">Where MSAL goes, as error messages name it.</param>
    private protected MsalTokenSource(FailureContext failures, string host)
    {
        _failures = failures;
        _host = host;
    }

    public async Task<AccessToken> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        AuthenticationResult result;
        try
        {
            result = await ExecuteAsync(forceRefresh, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw MsalFailures.Map(e, _failures, _host);
        }

        return new AccessToken(result.AccessToken, JwtClaims.Read(result.AccessToken, result.ExpiresOn));
    }

    private protected abstract Task<AuthenticationResult> ExecuteAsync(bool forceRefresh, CancellationToken cancellationToken);
}
