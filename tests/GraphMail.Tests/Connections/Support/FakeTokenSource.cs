using System;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections.Tokens;

namespace GraphMail.Tests.Connections.Support;

/// <summary>Hands out token-1, token-2, ... : a new one on every forced refresh; counts the forced ones.</summary>
internal sealed class FakeTokenSource : ITokenSource
{
    private int _issued = 1;
    private int _forced;

    internal int Forced => Volatile.Read(ref _forced);

    internal TaskCompletionSource? Gate { get; set; }

    public async Task<AccessToken> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
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
        return new AccessToken(value, new AccessTokenDetails(DateTimeOffset.UtcNow.AddHours(1), ["Mail.Send"], null, null, "app"));
    }
}
