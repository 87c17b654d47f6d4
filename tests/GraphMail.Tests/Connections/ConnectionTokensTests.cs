using System;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections.Tokens;
using GraphMail.Tests.Connections.Support;

namespace GraphMail.Tests.Connections;

/// <summary>When a connection asks MSAL (its token source) for a token, and when the latest one does.</summary>
public sealed class ConnectionTokensTests
{
    [Fact]
    public async Task ATokenWithMoreThanFiveMinutesLeftIsUsedAgainWithoutAskingTheSource()
    {
        var source = new FakeTokenSource { Lifetime = TimeSpan.FromMinutes(6) };
        using var tokens = new ConnectionTokens(source, _ => { });

        var first = await tokens.AcquireAsync(forceRefresh: false, CancellationToken.None);
        var second = await tokens.AcquireAsync(forceRefresh: false, CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(1, source.Asked);
    }

    [Fact]
    public async Task ATokenNearExpiryIsAskedForEveryTimeSoMsalCanRenewIt()
    {
        var source = new FakeTokenSource { Lifetime = TimeSpan.FromMinutes(4) };
        using var tokens = new ConnectionTokens(source, _ => { });

        await tokens.AcquireAsync(forceRefresh: false, CancellationToken.None);
        await tokens.AcquireAsync(forceRefresh: false, CancellationToken.None);

        Assert.Equal(2, source.Asked);
    }

    [Fact]
    public async Task AForcedRefreshAlwaysAsks()
    {
        var source = new FakeTokenSource();
        using var tokens = new ConnectionTokens(source, _ => { });

        var first = await tokens.AcquireAsync(forceRefresh: false, CancellationToken.None);
        var renewed = await tokens.AcquireAsync(forceRefresh: true, CancellationToken.None);

        Assert.Equal((2, 1), (source.Asked, source.Forced));
        Assert.NotEqual(first.Value, renewed.Value);
    }
}
