using System;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections.Tokens;

namespace GraphMail.Tests.Connections.Support;

/// <summary>Hands out token-1, token-2, ... : a new one on every forced refresh; counts the calls and the forced ones.</summary>
internal sealed class FakeTokenSource : ITokenSource
{
    private int _issued = 1;
    private int _forced;
    private int _asked;

    internal int Forced => Volatile.Read(ref _forced);

    internal int Asked => Volatile.Read(ref _asked);

    /// <summary>How long each token handed out lives.</summary>
    internal TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    internal TaskCompletionSource? Gate { get; set; }

    public async Task<AccessToken> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _asked);
        if (forceRefresh)
        {
            Interlocked.Increment(ref _forced);
            if (Gate is { } gate)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }

            Interlocked.Increment(ref _issued);
        }

        var value = "token-" + Volatile.Read(ref _issued);
        return new AccessToken(value, new AccessTokenDetails(DateTimeOffset.UtcNow + Lifetime, ["Mail.Send"], null, null, "app"));
    }
}
