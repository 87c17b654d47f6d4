using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Sandbox.Routing;
using GraphMail.Tests.Connections.Support;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Connections.EndToEnd;

public sealed class TransportFailureTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public TransportFailureTests(SandboxFixture sandbox) => _sandbox = sandbox;

    [Fact]
    public async Task AnotherCertificateThanThePinnedOneIsRefusedBeforeAnythingIsSent()
    {
        _sandbox.Reset();
        var line = _sandbox.Server.ReadyLine.Replace(_sandbox.Server.ConnectionInfo.CertificateSha256, new string('0', 64));
        var request = SandboxConnections.Secret(_sandbox);
        request.Sandbox = SandboxEndpoint.Parse(line);

        var error = await SandboxConnections.FailAsync(request);

        Assert.Equal(ErrorIds.TlsCertificateRejected, error.ErrorId);
        Assert.Equal(GraphMailErrorKind.ConnectionError, error.Kind);
        Assert.Contains(_sandbox.Server.AuthorityBaseUri.Authority, error.Message);
        Assert.Contains("current ready line", error.Fix);
        Assert.Empty(SandboxConnections.TokenRequests(_sandbox));
    }

    [Fact]
    public async Task NobodyListeningIsServiceUnreachable()
    {
        var port = FreePort();
        var line = _sandbox.Server.ReadyLine.Replace(":" + _sandbox.Server.Port + "/", ":" + port + "/");
        var request = SandboxConnections.Secret(_sandbox);
        request.Sandbox = SandboxEndpoint.Parse(line);

        var error = await SandboxConnections.FailAsync(request);

        Assert.Equal(ErrorIds.ServiceUnreachable, error.ErrorId);
        Assert.Contains("127.0.0.1:" + port, error.Message);
        Assert.Contains("ConnectionRefused", error.Message);
        Assert.Contains("sandbox is still running", error.Fix);
    }

    [Fact]
    public async Task StoppingAConnectCancelsItInsteadOfReportingAnError()
    {
        _sandbox.Reset();
        using var pause = _sandbox.Control.PauseRoute(RouteNames.Token);
        using var stop = new CancellationTokenSource();
        var connecting = Connector.ConnectAsync(SandboxConnections.Secret(_sandbox), stop.Token);

        await pause.WaitForArrivalsAsync(1, TestTimeout.Token);
        stop.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connecting);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
