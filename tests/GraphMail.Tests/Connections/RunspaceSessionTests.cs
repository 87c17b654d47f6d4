using System;
using System.Threading.Tasks;
using GraphMail.Session;
using GraphMail.Tests.Connections.Support;

namespace GraphMail.Tests.Connections;

/// <summary>
/// Sessions are keyed by runspace: tests use their own keys. Connections here get tokens from a fake, offline. The
/// cmdlets on real runspaces: GraphMail.Module.Tests/Connections/SessionTests.
/// </summary>
public sealed class RunspaceSessionTests
{
    [Fact]
    public void EachRunspaceHasItsOwnSession()
    {
        var first = new object();
        var second = new object();

        Assert.Same(RunspaceSessions.For(first), RunspaceSessions.For(first));
        Assert.NotSame(RunspaceSessions.For(first), RunspaceSessions.For(second));
    }

    [Fact]
    public void RequireConnectionWithoutOneSaysHowToConnect()
    {
        var error = Assert.Throws<GraphMailException>(() => RunspaceSessions.For(new object()).RequireConnection());

        Assert.Equal(ErrorIds.NotConnected, error.ErrorId);
        Assert.Equal(GraphMailErrorKind.InvalidOperation, error.Kind);
        Assert.Equal("Not connected. Run Connect-GraphMail first.", error.Cause);
    }

    [Fact]
    public async Task ConnectReplacesAndDisposesThePreviousConnection()
    {
        var session = RunspaceSessions.For(new object());
        var first = await OfflineConnections.CreateAsync();
        var second = await OfflineConnections.CreateAsync();

        session.Replace(first);
        session.Replace(second);

        Assert.Same(second, session.RequireConnection());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => first.GraphHttp.GetAsync("users"));
        Assert.True(session.Disconnect());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => second.GraphHttp.GetAsync("users"));
        Assert.Null(session.Connection);
        Assert.False(session.Disconnect());
    }

    [Fact]
    public async Task TwoRunspacesNeverShareAConnection()
    {
        var one = RunspaceSessions.For(new object());
        var two = RunspaceSessions.For(new object());
        var connection = await OfflineConnections.CreateAsync();

        one.Replace(connection);

        Assert.Same(connection, one.Connection);
        Assert.Null(two.Connection);
        two.Disconnect();
        Assert.Same(connection, one.Connection);
        one.Disconnect();
    }

}
