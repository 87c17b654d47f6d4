using System.Threading.Tasks;
using GraphMail.Commands;
using GraphMail.Engine.Connections.Tokens;
using GraphMail.Session;
using GraphMail.Tests.Connections.Support;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Connections.EndToEnd;

/// <summary>The cmdlets' ProcessRecord against the sandbox, each on its own session (a runspace stands in by key).</summary>
public sealed class ConnectCommandTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public ConnectCommandTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    [Fact]
    public void ConnectPutsTheConnectionInItsSessionAndDisconnectTakesItOut()
    {
        var session = RunspaceSessions.For(new object());

        using (var connect = Connect(session, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret))
        {
            CmdletRunner.Process(connect);
        }

        var connection = session.RequireConnection();
        Assert.Equal(SandboxDefaults.SenderAppId, connection.Info.ClientId);
        using (var disconnect = new DisconnectGraphMailCommand { Session = session })
        {
            CmdletRunner.Process(disconnect);
        }

        Assert.Null(session.Connection);
        Assert.Equal(ErrorIds.NotConnected, Assert.Throws<GraphMailException>(() => session.RequireConnection()).ErrorId);
    }

    [Fact]
    public void TwoRunspacesHoldTwoConnections()
    {
        var first = RunspaceSessions.For(new object());
        var second = RunspaceSessions.For(new object());

        using (var connect = Connect(first, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret))
        {
            CmdletRunner.Process(connect);
        }

        using (var connect = Connect(second, SandboxDefaults.UnscopedAppId, SandboxDefaults.UnscopedSecret))
        {
            CmdletRunner.Process(connect);
        }

        Assert.Equal(SandboxDefaults.SenderAppId, first.RequireConnection().Info.ClientId);
        Assert.Equal(SandboxDefaults.UnscopedAppId, second.RequireConnection().Info.ClientId);
        first.Disconnect();
        Assert.Equal(SandboxDefaults.UnscopedAppId, second.RequireConnection().Info.ClientId);
        second.Disconnect();
    }

    [Fact]
    public async Task ConnectingAgainReplacesAndReleasesThePreviousConnection()
    {
        var session = RunspaceSessions.For(new object());
        using (var connect = Connect(session, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret))
        {
            CmdletRunner.Process(connect);
        }

        var previous = session.RequireConnection();
        using (var connect = Connect(session, SandboxDefaults.UnscopedAppId, SandboxDefaults.UnscopedSecret))
        {
            CmdletRunner.Process(connect);
        }

        Assert.Equal(SandboxDefaults.UnscopedAppId, session.RequireConnection().Info.ClientId);
        await Assert.ThrowsAsync<System.ObjectDisposedException>(() => previous.GraphHttp.GetAsync("users"));
        session.Disconnect();
    }

    [Fact]
    public void AFailedConnectLeavesNoConnection()
    {
        var session = RunspaceSessions.For(new object());
        using (var connect = Connect(session, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret))
        {
            CmdletRunner.Process(connect);
        }

        using (var connect = Connect(session, SandboxDefaults.SenderAppId, "Sbx8Q~wrong"))
        {
            // Under the stub, ThrowTerminatingError returns: ProcessRecord must stop there.
            CmdletRunner.Process(connect);
        }

        // Nothing that follows a failed connect may send as the app connected before it.
        Assert.Null(session.Connection);
    }

    private ConnectGraphMailCommand Connect(RunspaceSession session, string clientId, string secret) => new()
    {
        Session = session,
        Sandbox = _sandbox.Server.ReadyLine,
        TenantId = SandboxDefaults.TenantDomain,
        ClientId = clientId,
        ClientSecret = SecureStrings.From(secret),
    };
}
