using System;
using System.Threading;
using System.Threading.Tasks;

namespace GraphMail.Engine.Connections.Tokens;

/// <summary>
/// A connection's tokens: MSAL's cache renews them near expiry; after Graph rejects one, exactly one forced
/// renewal happens however many requests saw the rejection at once. When the token service answers 429 (or 503 with
/// Retry-After), the Retry-After is waited out (bounded) by one caller while the others wait behind it, instead of every
/// waiting request failing on MSAL's cached refusal. Every new token is reported to the connection.
/// </summary>
internal sealed class ConnectionTokens : IDisposable
{
    // MSAL's cache hands out the same token until five minutes before it expires: until then the latest token is
    // that answer, without a cache lookup on every request (and the JIT of that path on the first one).
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly ITokenSource _source;
    private readonly Action<AccessToken> _issued;
    // A busy token service is waited out this long at most, in this many tries, before the request fails.
    private static readonly TimeSpan MaxBusyWait = TimeSpan.FromMinutes(3);
    private const int MaxBusyTries = 6;

    private readonly SemaphoreSlim _renewing = new(1, 1);
    private readonly SemaphoreSlim _busy = new(1, 1);
    private AccessToken? _latest;

    internal ConnectionTokens(ITokenSource source, Action<AccessToken> issued)
    {
        _source = source;
        _issued = issued;
    }

    internal async Task<AccessToken> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (!forceRefresh && Volatile.Read(ref _latest) is { } latest && latest.Details.ExpiresOn - DateTimeOffset.UtcNow > RenewBefore)
        {
            return latest;
        }

        var known = Volatile.Read(ref _latest);
        try
        {
            return Remember(await _source.AcquireAsync(forceRefresh, cancellationToken).ConfigureAwait(false));
        }
        catch (TokenServiceBusyException busy)
        {
            return await WaitOutBusyAsync(busy, known, forceRefresh, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Graph refused <paramref name="rejected"/>: a new token, forced unless another request already got one.</summary>
    internal async Task<AccessToken> RenewAfterRejectionAsync(AccessToken rejected, CancellationToken cancellationToken)
    {
        await _renewing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var latest = Volatile.Read(ref _latest);
            return latest is not null && !string.Equals(latest.Value, rejected.Value, StringComparison.Ordinal)
                ? latest
                : await AcquireAsync(forceRefresh: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _renewing.Release();
        }
    }

    public void Dispose()
    {
        _renewing.Dispose();
        _busy.Dispose();
    }

    /// <summary>One caller at a time waits out Retry-After and asks again; the others take the token it got.</summary>
    private async Task<AccessToken> WaitOutBusyAsync(TokenServiceBusyException busy, AccessToken? known, bool forceRefresh, CancellationToken cancellationToken)
    {
        await _busy.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var waited = TimeSpan.Zero;
            for (var tries = 1; ; tries++)
            {
                if (Volatile.Read(ref _latest) is { } latest && !ReferenceEquals(latest, known))
                {
                    return latest;
                }

                if (tries >= MaxBusyTries || waited + busy.RetryAfter > MaxBusyWait)
                {
                    throw busy.Error;
                }

                await Task.Delay(busy.RetryAfter, cancellationToken).ConfigureAwait(false);
                waited += busy.RetryAfter;
                try
                {
                    return Remember(await _source.AcquireAsync(forceRefresh, cancellationToken).ConfigureAwait(false));
                }
                catch (TokenServiceBusyException again)
                {
                    busy = again;
                    known = Volatile.Read(ref _latest);
                }
            }
        }
        finally
        {
            _busy.Release();
        }
    }

    private AccessToken Remember(AccessToken token)
    {
        var previous = Interlocked.Exchange(ref _latest, token);
        if (previous is null || !string.Equals(previous.Value, token.Value, StringComparison.Ordinal))
        {
            _issued(token);
        }

        return token;
    }
}
