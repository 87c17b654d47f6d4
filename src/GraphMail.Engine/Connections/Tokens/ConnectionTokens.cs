using System;
using System.Threading;
using System.Threading.Tasks;

namespace GraphMail.Engine.Connections.Tokens;

/// <summary>
/// A connection's tokens: MSAL's cache renews them near expiry; after Graph rejects one, exactly one forced
/// renewal happens however many requests saw the rejection at once. Every new token is reported to the connection.
/// </summary>
internal sealed class ConnectionTokens : IDisposable
{
    // MSAL's cache hands out the same token until five minutes before it expires: until then the latest token is
    // that answer, without a cache lookup on every request (and the JIT of that path on the first one).
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly ITokenSource _source;
    private readonly Action<AccessToken> _issued;
    private readonly SemaphoreSlim _renewing = new(1, 1);
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

        var token = await _source.AcquireAsync(forceRefresh, cancellationToken).ConfigureAwait(false);
        var previous = Interlocked.Exchange(ref _latest, token);
        if (previous is null || !string.Equals(previous.Value, token.Value, StringComparison.Ordinal))
        {
            _issued(token);
        }

        return token;
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

    public void Dispose() => _renewing.Dispose();
}
