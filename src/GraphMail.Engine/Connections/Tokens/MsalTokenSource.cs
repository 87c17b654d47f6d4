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
            var error = MsalFailures.Map(e, _failures, _host);
            throw BusyFor(e) is { } wait ? new TokenServiceBusyException(error, wait) : error;
        }

        return new AccessToken(result.AccessToken, JwtClaims.Read(result.AccessToken, result.ExpiresOn));
    }

    private protected abstract Task<AuthenticationResult> ExecuteAsync(bool forceRefresh, CancellationToken cancellationToken);

    /// <summary>
    /// How long the token service asked to be left alone (429, or 503 with Retry-After), also when MSAL repeats that
    /// answer from its own throttling cache; null for any other failure.
    /// </summary>
    private static TimeSpan? BusyFor(Exception exception)
    {
        var service = exception is MsalThrottledServiceException throttled ? throttled.OriginalServiceException : exception as MsalServiceException;
        if (service is not { StatusCode: 429 or 503 } || service.Headers?.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.Zero);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
