using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending.Http;
using GraphMail.Engine.Sending.Paths;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Routing;
using GraphMail.Tests.Infrastructure;
using static GraphMail.Tests.Sending.SendHarness;

namespace GraphMail.Tests.Sending;

/// <summary>Retry only what Graph clearly refused; never replay a send that may have been processed.</summary>
public sealed class RetryEndToEndTests(SandboxFixture sandbox) : SandboxSendTests(sandbox, clearRequestLog: true)
{
    private void Fault(string route, FaultKind kind, int count = 1, int? retryAfter = null) =>
        Sandbox.Control.AddFault(new FaultSpec { Route = route, Kind = kind, Count = count, RetryAfterSeconds = retryAfter });

    private SendResult Send() => Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("Subject", "retry")));

    private int SendMailRequests => Sandbox.Control.GetRequests().Count(r => r.Route == RouteNames.SendMail);

    [Fact]
    public void ThrottledSendsWaitAsToldAndAreSentOnce()
    {
        Fault(RouteNames.SendMail, FaultKind.Throttle, count: 2, retryAfter: 7);

        var result = Send();

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(new[] { TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7) }, Harness.Waits.ToArray());
        Assert.Equal(3, SendMailRequests);
        Assert.Single(Sandbox.Control.GetMessages());
    }

    [Fact]
    public void A503WithRetryAfterIsRetried()
    {
        Fault(RouteNames.SendMail, FaultKind.Unavailable, retryAfter: 3);

        var result = Send();

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(3), Assert.Single(Harness.Waits));
        Assert.Single(Sandbox.Control.GetMessages());
    }

    [Theory]
    [InlineData(FaultKind.Unavailable, ErrorIds.SendServiceUnavailable, 503)]
    [InlineData(FaultKind.Throttle, ErrorIds.SendThrottled, 429)]
    public void RefusalsBeyondTheRetryBudgetAreReportedAsWhatTheyWere(FaultKind kind, string errorId, int status)
    {
        Fault(RouteNames.SendMail, kind, count: 100, retryAfter: 1);

        var result = Send();

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.Equal(errorId, result.Error!.ErrorId);
        Assert.Equal(status, result.Error.HttpStatus);
        Assert.Empty(Sandbox.Control.GetMessages());
    }

    [Fact]
    public void A503WithoutRetryAfterIsUnknownAndNotRetried()
    {
        Fault(RouteNames.SendMail, FaultKind.Unavailable);

        var result = Send();

        Assert.Equal(SendStatus.Unknown, result.Status);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(1, SendMailRequests);
        Assert.Equal(ErrorIds.SendOutcomeUnknown, result.Error!.ErrorId);
        Assert.Equal(503, result.Error.HttpStatus);
    }

    [Fact]
    public void QueuedThen504IsUnknownWithExactlyOneDelivery()
    {
        Fault(RouteNames.SendMail, FaultKind.GatewayTimeoutAfterAccept);

        var result = Send();

        Assert.Equal(SendStatus.Unknown, result.Status);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(1, SendMailRequests);
        var delivered = Assert.Single(Sandbox.Control.GetMessages());
        Assert.Equal(result.InternetMessageId, delivered.InternetMessageId);
        Assert.Contains(result.InternetMessageId, result.Error!.Message);
        Assert.Contains("Get-MessageTraceV2 -MessageId", result.Error.Fix);
        Assert.Equal(GraphMailErrorKind.OperationTimeout, result.Error.Kind);
        Assert.Empty(Harness.Waits);
    }

    [Fact]
    public void AResetAfterTheRequestWasWrittenIsUnknownAndNotRetried()
    {
        Fault(RouteNames.SendMail, FaultKind.ResetAfterAccept);

        var result = Send();

        Assert.Equal(SendStatus.Unknown, result.Status);
        Assert.Equal(1, SendMailRequests);
        Assert.Single(Sandbox.Control.GetMessages());
        Assert.Equal(GraphMailErrorKind.ConnectionError, result.Error!.Kind);
    }

    [Fact]
    public void TheDraftSendIsNeverReplayedAfterA504()
    {
        using var files = new TestFiles();
        var file = files.Create("big.bin", 4 * 1024 * 1024);
        Fault(RouteNames.Send, FaultKind.GatewayTimeoutAfterAccept);

        var result = Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("Attachments", file)));

        Assert.Equal(SendStatus.Unknown, result.Status);
        Assert.Equal(1, result.Attempts);
        Assert.Single(Sandbox.Control.GetMessages());
        Assert.Equal(1, Sandbox.Control.GetRequests().Count(r => r.Route == RouteNames.Send));
    }

    [Fact]
    public void TheZeroLengthDraftSendCountsAsWrittenOnTheRealTransport()
    {
        // If the transport did not hand a Content-Length: 0 body to the guard, a reset would look "never sent" and be retried.
        using var files = new TestFiles();
        var file = files.Create("big.bin", 4 * 1024 * 1024);
        Fault(RouteNames.Send, FaultKind.ResetBeforeProcessing);

        var result = Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("Attachments", file)));

        Assert.Equal(SendStatus.Unknown, result.Status);
        Assert.Equal(1, Sandbox.Control.GetRequests().Count(r => r.Route == RouteNames.Send));
    }

    [Fact]
    public void ThrottlingBeyondTheBudgetFailsWithSendThrottled()
    {
        Fault(RouteNames.SendMail, FaultKind.Throttle, count: 50, retryAfter: 1);

        var result = Send();

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.Equal(ErrorIds.SendThrottled, result.Error!.ErrorId);
        Assert.Equal(429, result.Error.HttpStatus);
        Assert.Equal(Harness.Retry.MaxAttempts, result.Attempts);
        Assert.Equal(Harness.Retry.MaxAttempts, SendMailRequests);
        Assert.Empty(Sandbox.Control.GetMessages());
    }

    [Fact]
    public void ARetryAfterBeyondTheTotalWaitEndsTheRetries()
    {
        Fault(RouteNames.SendMail, FaultKind.Throttle, retryAfter: 3600);

        var result = Send();

        Assert.Equal(ErrorIds.SendThrottled, result.Error!.ErrorId);
        Assert.Equal(1, result.Attempts);
        Assert.Empty(Harness.Waits);
    }

    [Fact]
    public void AnExpiredTokenIsRenewedOnceAndTheMessageSentOnce()
    {
        Fault(RouteNames.SendMail, FaultKind.TokenExpired);

        var result = Send();

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Single(Sandbox.Control.GetMessages());
        Assert.Equal(2, SendMailRequests);
    }

    [Fact]
    public void AFailureBeforeTheBodyWasWrittenIsRetried()
    {
        using var channel = new Channel(Harness, new FailBeforeWriting(times: 2));
        var sender = new MessageSender(channel, Harness.Retry);
        using var run = new Engine.Sending.SendRun(() => sender, Parameters(("To", "a@fabrikam.com")), SandboxDefaults.Noreply, Path.GetFullPath, CancellationToken.None);

        var result = Drive(run);

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Equal(3, result.Attempts);
        Assert.Single(Sandbox.Control.GetMessages());
    }

    [Fact]
    public void AFailureAfterTheBodyWasWrittenIsNotRetried()
    {
        using var channel = new Channel(Harness, new FailAfterWriting());
        var sender = new MessageSender(channel, Harness.Retry);
        using var run = new Engine.Sending.SendRun(() => sender, Parameters(("To", "a@fabrikam.com")), SandboxDefaults.Noreply, Path.GetFullPath, CancellationToken.None);

        var result = Drive(run);

        Assert.Equal(SendStatus.Unknown, result.Status);
        Assert.Equal(1, result.Attempts);
        Assert.Empty(Harness.Waits);
    }

    [Fact]
    public void ATransportThatReplaysABodyOnItsOwnIsStopped()
    {
        var replaying = new ReplayingTransport();
        using var channel = new Channel(Harness, replaying);
        var sender = new MessageSender(channel, Harness.Retry);
        using var run = new Engine.Sending.SendRun(() => sender, Parameters(("To", "a@fabrikam.com")), SandboxDefaults.Noreply, Path.GetFullPath, CancellationToken.None);

        var result = Drive(run);

        Assert.Equal(SendStatus.Unknown, result.Status);
        Assert.IsType<TransportReplayRefusedException>(replaying.Refusal);
        Assert.Empty(Sandbox.Control.GetMessages());
    }

    private static SendResult Drive(Engine.Sending.SendRun run) => Assert.Single(run.SendAll(Array.Empty<Engine.Sending.Pipeline.PipelineRecord>()));

    /// <summary>The connection's token handler and guard, over a test handler that sits on the real transport.</summary>
    private sealed class Channel : IGraphChannel, IDisposable
    {
        private readonly SendHarness _harness;

        internal Channel(SendHarness harness, DelegatingHandler underTheGuard)
        {
            _harness = harness;
            GraphBaseUri = harness.Connection.GraphBaseUri;
            Graph = harness.Connection.CreateGraphHttp(transport =>
            {
                underTheGuard.InnerHandler = transport;
                return new TransmissionGuard(underTheGuard);
            });
            Anonymous = harness.Connection.Anonymous;
        }

        public Uri GraphBaseUri { get; }

        public HttpClient Graph { get; }

        public HttpClient Anonymous { get; }

        public Task PrepareAsync(CancellationToken stop) => _harness.Channel.PrepareAsync(stop);

        public void Dispose() => Graph.Dispose();
    }

    /// <summary>Fails like an unreachable network, without touching the body, the first N times (a refused loopback is a stopped sandbox, not retried).</summary>
    private sealed class FailBeforeWriting(int times) : DelegatingHandler
    {
        private int _left = times;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Decrement(ref _left) >= 0
                ? throw new HttpRequestException("Network is unreachable", new SocketException((int)SocketError.NetworkUnreachable))
                : base.SendAsync(request, cancellationToken);
    }

    /// <summary>Writes the body somewhere, then loses the connection.</summary>
    private sealed class FailAfterWriting : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await request.Content!.CopyToAsync(Stream.Null, cancellationToken);
            throw new HttpRequestException("The response ended prematurely.", new IOException("reset"));
        }
    }

    /// <summary>Writes the body twice, as SocketsHttpHandler does when it retries on a reused connection the server closed.</summary>
    private sealed class ReplayingTransport : DelegatingHandler
    {
        internal Exception? Refusal { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await request.Content!.CopyToAsync(Stream.Null, cancellationToken);
            try
            {
                await request.Content!.CopyToAsync(Stream.Null, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                // HttpContent wraps what the body threw.
                Refusal = e.InnerException;
                throw;
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
