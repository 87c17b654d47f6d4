using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending;
using GraphMail.Engine.Sending.Delivery;
using GraphMail.Engine.Sending.Http;
using GraphMail.Engine.Sending.Paths;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Routing;
using GraphMail.Tests.Infrastructure;
using Xunit.Abstractions;
using static GraphMail.Tests.Sending.SendHarness;

namespace GraphMail.Tests.Sending;

/// <summary>
/// Every step of each send path x every fault the sandbox (or the client) can put on it, in both delivery modes, with
/// and without a journal and a rerun. Each case checks the same promises against the sandbox's ground truth: one
/// result, never two deliveries, Sent only when delivered and Failed only when not, no draft left unless the result
/// names it, and the status each mode promises (ExactlyOnce: Sent; AtMostOnce: Unknown only after an ambiguous
/// sendMail or /send). A rerun with the journal then ends with the message delivered exactly once (AtMostOnce: unless
/// its Unknown sendMail never arrived, which it cannot tell from one still on its way).
/// </summary>
public sealed class FaultMatrixTests(SandboxFixture sandbox, ITestOutputHelper output) : SandboxSendTests(sandbox)
{
    private const long MB = 1024 * 1024;

    public enum Step
    {
        SendMail,
        CreateMessage,
        AddAttachment,
        CreateUploadSession,
        UploadChunk,
        Send,

        /// <summary>GET of the draft by its immutable id, after an ambiguous /send (504 after accept).</summary>
        ReadBack,

        /// <summary>The Drafts search by Message-ID, after an ambiguous create (504 after accept).</summary>
        Lookup,

        /// <summary>DELETE of the draft, after Graph refused its /send (an expired token twice).</summary>
        DeleteDraft,
    }

    public enum Fault
    {
        Throttle429,
        Unavailable503,
        GatewayTimeout504,
        GatewayTimeout504AfterAccept,
        ResetBeforeProcessing,
        ResetAfterAccept,

        /// <summary>The client's timeout while the request was on the wire, before the service processed it.</summary>
        TimeoutBeforeProcessing,

        /// <summary>The client's timeout after the service processed the request.</summary>
        TimeoutAfterAccept,
        TokenExpired,
    }

    public static IEnumerable<object[]> Cases()
    {
        foreach (var large in new[] { false, true })
        {
            foreach (var mode in new[] { DeliveryMode.AtMostOnce, DeliveryMode.ExactlyOnce })
            {
                foreach (var step in Enum.GetValues<Step>().Where(s => Applies(large, mode, s)))
                {
                    foreach (var fault in Enum.GetValues<Fault>())
                    {
                        // Chunks go through the token-less client (no bearer token to expire, no client to time out here);
                        // a chunk PUT is idempotent, so a timeout meets the same retry as a reset.
                        if (step == Step.UploadChunk && fault is Fault.TokenExpired or Fault.TimeoutBeforeProcessing or Fault.TimeoutAfterAccept)
                        {
                            continue;
                        }

                        foreach (var journal in new[] { false, true })
                        {
                            yield return [large, mode, step, fault, journal];
                        }
                    }
                }
            }
        }
    }

    private static bool Applies(bool large, DeliveryMode mode, Step step) => (large, mode, step) switch
    {
        (false, DeliveryMode.AtMostOnce, _) => step == Step.SendMail,
        (_, _, Step.SendMail) => false,
        (false, _, Step.AddAttachment or Step.CreateUploadSession or Step.UploadChunk) => false,
        (true, DeliveryMode.AtMostOnce, Step.ReadBack) => false,
        _ => true,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryFaultOnEveryStepEndsWithOneHonestResultAndNoDuplicate(bool large, DeliveryMode mode, Step step, Fault fault, bool journal)
    {
        var journalPath = Path.Combine(Files.Root, "journal.jsonl");
        var parameters = Parameters(("To", "a@fabrikam.com"), ("Subject", "matrix"), ("Attachments", large ? LargeAttachments() : Array.Empty<string>()));
        var delivery = new DeliveryOptions { Mode = mode, JournalPath = journal ? journalPath : null };
        AddFaults(step, fault);

        var first = RunOnce(parameters, delivery, fault, step);

        var result = Assert.Single(first);
        var delivered = Delivered(result);
        var drafts = Sandbox.Control.GetDrafts();
        output.WriteLine($"MATRIX {(large ? "large" : "small")} {mode} {step} {fault} journal={journal}: {result.Status} delivered={delivered} drafts={drafts.Count} " +
                         $"draftNamed={result.DraftId is not null} :: {result.Error?.Message}");
        Assert.InRange(delivered, 0, 1);
        Assert.Equal(Expected(large, mode, step, fault), result.Status);
        if (result.Status == SendStatus.Sent)
        {
            Assert.Equal(1, delivered);
            Assert.Null(result.Error);
        }
        else
        {
            Assert.NotNull(result.Error);
        }

        if (result.Status is SendStatus.Failed or SendStatus.NotSent)
        {
            Assert.Equal(0, delivered);
            Assert.Matches("(?i)not sent|nothing was sent", result.Error!.Message);
        }

        // No draft is left unless the result names it; a named draft that is gone was sent (AtMostOnce's Unknown /send).
        Assert.Subset(result.DraftId is null ? new HashSet<string>() : [result.DraftId], drafts.Select(d => d.Id).ToHashSet());
        if (result.DraftId is not null && drafts.Count == 0)
        {
            Assert.Equal((SendStatus.Unknown, 1), (result.Status, delivered));
        }

        if (!journal)
        {
            return;
        }

        Sandbox.Control.ClearFaults();
        Sandbox.Control.DeliverSentItems();
        var rerun = Assert.Single(RunOnce(parameters, delivery, null, step));
        var finallyDelivered = Delivered(rerun);
        output.WriteLine($"MATRIX   rerun: {rerun.Status} delivered={finallyDelivered} drafts={Sandbox.Control.GetDrafts().Count} :: {rerun.Error?.Message}");
        Assert.Empty(Sandbox.Control.GetDrafts());
        if (mode == DeliveryMode.AtMostOnce && result.Status == SendStatus.Unknown && delivered == 0 && !large)
        {
            // An Unknown sendMail that never arrived looks, from the mailbox, like one still on its way: never resent.
            Assert.Equal(SendStatus.Unknown, rerun.Status);
            Assert.Equal(0, finallyDelivered);
            return;
        }

        Assert.Equal(result.Status == SendStatus.Sent ? SendStatus.Skipped : SendStatus.Sent, rerun.Status);
        Assert.Equal(1, finallyDelivered);
    }

    /// <summary>What each mode promises after one transient fault on one step.</summary>
    private static SendStatus Expected(bool large, DeliveryMode mode, Step step, Fault fault)
    {
        if (step == Step.DeleteDraft)
        {
            // The trigger itself: Graph refused the /send, so it was not sent (and its draft was deleted all the same).
            return SendStatus.Failed;
        }

        if (mode == DeliveryMode.ExactlyOnce || fault is Fault.Throttle429 or Fault.TokenExpired)
        {
            return SendStatus.Sent;
        }

        // AtMostOnce: an ambiguous answer to the request that sends is never repeated; anything before it is resolved.
        return step == Step.SendMail || (large && step == Step.Send) ? SendStatus.Unknown : SendStatus.Sent;
    }

    /// <summary>One command, as the cmdlet runs it: its own journal (when given) and a sender over a channel that may time out on the step.</summary>
    private IReadOnlyList<SendResult> RunOnce(Engine.Sending.Model.MailParameters parameters, DeliveryOptions delivery, Fault? fault, Step step)
    {
        var timeout = fault is Fault.TimeoutBeforeProcessing or Fault.TimeoutAfterAccept ? new ClientTimeout(Route(step), fault == Fault.TimeoutAfterAccept) : null;
        using var channel = new FaultyChannel(Harness.Connection, timeout);
        SendRun? run = null;
        using (run = new SendRun(() => new MessageSender(channel, Harness.Retry, mode: delivery.Mode, journal: run!.Journal), parameters,
                   Harness.Connection.Info.DefaultFrom, Path.GetFullPath, CancellationToken.None, delivery: delivery))
        {
            return run.SendAll([]);
        }
    }

    private void AddFaults(Step step, Fault fault)
    {
        switch (step)
        {
            case Step.ReadBack:
                Sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.Send, Kind = FaultKind.GatewayTimeoutAfterAccept, Count = 1 });
                break;
            case Step.Lookup:
                Sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.CreateMessage, Kind = FaultKind.GatewayTimeoutAfterAccept, Count = 1 });
                break;
            case Step.DeleteDraft:
                Sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.Send, Kind = FaultKind.TokenExpired, Count = 2 });
                break;
        }

        var kind = fault switch
        {
            Fault.Throttle429 => FaultKind.Throttle,
            Fault.Unavailable503 => FaultKind.Unavailable,
            Fault.GatewayTimeout504 => FaultKind.GatewayTimeout,
            Fault.GatewayTimeout504AfterAccept => FaultKind.GatewayTimeoutAfterAccept,
            Fault.ResetBeforeProcessing => FaultKind.ResetBeforeProcessing,
            Fault.ResetAfterAccept => FaultKind.ResetAfterAccept,
            Fault.TokenExpired => FaultKind.TokenExpired,
            _ => (FaultKind?)null,
        };
        if (kind is { } k)
        {
            Sandbox.Control.AddFault(new FaultSpec { Route = Route(step), Kind = k, Count = 1, RetryAfterSeconds = k == FaultKind.Throttle ? 1 : null });
        }
    }

    private static string Route(Step step) => step switch
    {
        Step.SendMail => RouteNames.SendMail,
        Step.CreateMessage => RouteNames.CreateMessage,
        Step.AddAttachment => RouteNames.AddAttachment,
        Step.CreateUploadSession => RouteNames.CreateUploadSession,
        Step.UploadChunk => RouteNames.UploadChunk,
        Step.Send => RouteNames.Send,
        Step.ReadBack => RouteNames.GetMessage,
        Step.Lookup => RouteNames.ListMessages,
        Step.DeleteDraft => RouteNames.DeleteMessage,
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    /// <summary>Three small files that do not all fit on the draft (one is added on its own) and one that needs an upload session of two chunks.</summary>
    private string[] LargeAttachments() =>
    [
        Files.Create("part0.bin", 1_400_000, seed: 40), Files.Create("part1.bin", 1_500_000, seed: 41), Files.Create("part2.bin", 1_600_000, seed: 42),
        Files.Create("big.bin", 5 * MB, seed: 43),
    ];

    private int Delivered(SendResult result) => Sandbox.Control.GetMessages().Count(m => m.InternetMessageId == result.InternetMessageId);

    /// <summary>The send path's channel with a client that may time out once on one route (the rest as the connection's).</summary>
    private sealed class FaultyChannel(Engine.Connections.GraphMailConnection connection, ClientTimeout? timeout) : IGraphChannel, IDisposable
    {
        public Uri GraphBaseUri { get; } = connection.GraphBaseUri;

        public HttpClient Graph { get; } = connection.CreateGraphHttp(transport => new TransmissionGuard(timeout is null ? transport : timeout.Around(transport)));

        public HttpClient Anonymous => connection.Anonymous;

        public Task PrepareAsync(CancellationToken stop) => connection.AcquireTokenAsync(forceRefresh: false, stop);

        public void Dispose() => Graph.Dispose();
    }

    /// <summary>
    /// HttpClient's own timeout, once, on the first request of a route: before the service processed it (the body was
    /// written, no answer) or after (the service did the work; its answer never came). Thrown as HttpClient throws it.
    /// </summary>
    private sealed class ClientTimeout(string route, bool afterAccept)
    {
        private int _left = 1;

        internal bool AfterAccept { get; } = afterAccept;

        internal DelegatingHandler Around(HttpMessageHandler transport) => new Handler(this, transport);

        private static string RouteOf(HttpRequestMessage request)
        {
            var path = request.RequestUri!.AbsolutePath;
            return (request.Method.Method, path) switch
            {
                ("POST", _) when path.EndsWith("/sendMail", StringComparison.Ordinal) => RouteNames.SendMail,
                ("POST", _) when path.EndsWith("/send", StringComparison.Ordinal) => RouteNames.Send,
                ("POST", _) when path.EndsWith("/createUploadSession", StringComparison.Ordinal) => RouteNames.CreateUploadSession,
                ("POST", _) when path.EndsWith("/attachments", StringComparison.Ordinal) => RouteNames.AddAttachment,
                ("POST", _) when path.EndsWith("/messages", StringComparison.Ordinal) => RouteNames.CreateMessage,
                ("GET", _) when path.Contains("/mailFolders", StringComparison.Ordinal) => RouteNames.ListMessages,
                ("GET", _) => RouteNames.GetMessage,
                ("DELETE", _) => RouteNames.DeleteMessage,
                _ => RouteNames.Unmatched,
            };
        }

        private bool Hits(HttpRequestMessage request) => RouteOf(request) == route && Interlocked.Decrement(ref _left) == 0;

        private sealed class Handler(ClientTimeout timeout, HttpMessageHandler transport) : DelegatingHandler(transport)
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (!timeout.Hits(request))
                {
                    return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                }

                if (timeout.AfterAccept)
                {
                    (await base.SendAsync(request, cancellationToken).ConfigureAwait(false)).Dispose();
                }
                else if (request.Content is not null)
                {
                    // The body went on the wire; the service never saw it whole.
                    await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
                }

                throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.",
                    new TimeoutException("The operation was canceled."));
            }
        }
    }
}
