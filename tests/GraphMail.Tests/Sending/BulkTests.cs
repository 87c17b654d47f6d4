using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending;
using GraphMail.Engine.Sending.Dispatch;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Paths;
using GraphMail.Engine.Sending.Pipeline;
using GraphMail.Engine.Sending.Retry;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Routing;
using GraphMail.Tests.Infrastructure;
using static GraphMail.Tests.Sending.SendHarness;

namespace GraphMail.Tests.Sending;

/// <summary>Many messages: exactly one outcome each, no duplicate delivery, bounded concurrency, a clean stop.</summary>
public sealed class BulkTests(SandboxFixture sandbox) : SandboxSendTests(sandbox)
{
    /// <summary>Not a timing assertion: a bug fails the test instead of hanging the run.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    private static IEnumerable<PipelineRecord> Rows(int count, Func<int, string?>? from = null) =>
        Enumerable.Range(1, count).Select(i => Row(i - 1, $"row {i}", ("To", $"user{i}@fabrikam.com"), ("Subject", $"row {i}"), ("From", from?.Invoke(i))));

    [Fact]
    public void AThousandMessagesUnderAFaultMixEndExactlyOnceEach()
    {
        Sandbox.Control.ClearFaults(randomSeed: 42);
        foreach (var fault in new[]
        {
            new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.Throttle, Ratio = 0.08, RetryAfterSeconds = 1 },
            new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.Unavailable, Ratio = 0.04, RetryAfterSeconds = 2 },
            new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.Unavailable, Ratio = 0.03 },
            new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.GatewayTimeoutAfterAccept, Ratio = 0.03 },
            new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.ResetBeforeProcessing, Ratio = 0.02 },
            new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.ResetAfterAccept, Ratio = 0.02 },
            new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.Latency, Ratio = 0.2, LatencyMs = 5 },
        })
        {
            Sandbox.Control.AddFault(fault);
        }

        var outcomes = Harness.Run(new MailParameters(), Rows(1000, i => i % 2 == 0 ? SandboxDefaults.Noreply : SandboxDefaults.Reports));

        Assert.Equal(Enumerable.Range(0, 1000), outcomes.Select(o => o.InputIndex));
        var recorded = Sandbox.Control.GetMessages().GroupBy(m => m.InternetMessageId).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(recorded, pair => Assert.Equal(1, pair.Value));
        var byStatus = outcomes.GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.ToList());
        Assert.All(byStatus.GetValueOrDefault(SendStatus.Sent, []), r => Assert.True(recorded.ContainsKey(r.InternetMessageId)));
        Assert.All(byStatus.GetValueOrDefault(SendStatus.Failed, []), r => Assert.False(recorded.ContainsKey(r.InternetMessageId)));
        Assert.DoesNotContain(SendStatus.NotSent, byStatus.Keys);
        Assert.NotEmpty(byStatus[SendStatus.Unknown]);
        Assert.True(byStatus[SendStatus.Sent].Count > 800, "most messages are sent");
        Assert.All(byStatus[SendStatus.Unknown], r => Assert.Equal(ErrorIds.SendOutcomeUnknown, r.Error!.ErrorId));
        Assert.Equal(recorded.Count, byStatus[SendStatus.Sent].Count + byStatus[SendStatus.Unknown].Count(r => recorded.ContainsKey(r.InternetMessageId)));
        Console.WriteLine("fault mix: " + string.Join(", ", byStatus.Select(p => $"{p.Key} {p.Value.Count}")) + $"; recorded {recorded.Count}; retry waits {Harness.Waits.Count}");
    }

    [Fact]
    public void NoMoreThanFourAreInFlightPerMailbox()
    {
        Sandbox.Control.UpdateSettings(s => s with { LatencyMs = 10 });
        var sender = new MessageSender(Harness.Channel, Harness.Retry);
        using var run = new SendRun(() => sender, new MailParameters(), SandboxDefaults.Noreply, Path.GetFullPath, CancellationToken.None);

        var outcomes = run.SendAll(Rows(60, i => i % 3 == 0 ? SandboxDefaults.Reports : null));

        Assert.Equal(60, outcomes.Count(o => o.Status == SendStatus.Sent));
        Assert.Equal(4, sender.PeakOnWirePerMailbox);
        Assert.All(Sandbox.Control.GetConcurrency(), c =>
        {
            Assert.InRange(c.PeakInFlight, 1, 4);
            Assert.Equal(0, c.Throttled);
        });
    }

    [Fact]
    public async Task AMessageWaitingOutARetryAfterLeavesItsWireSlotToTheOthers()
    {
        // The first four sendMail requests are throttled. Were a slot held through the retry wait, those four would
        // hold all of the mailbox's slots and no other message could go until their waits ended.
        Sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.Throttle, Count = 4, RetryAfterSeconds = 30 });
        using var waiting = new SemaphoreSlim(0);
        var endWaits = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sender = new MessageSender(Harness.Channel, new RetryOptions
        {
            Delay = async (wait, token) =>
            {
                waiting.Release();
                await endWaits.Task.WaitAsync(token);
            },
        });
        var command = Task.Run(() =>
        {
            using var run = new SendRun(() => sender, new MailParameters(), SandboxDefaults.Noreply, Path.GetFullPath, CancellationToken.None);
            return run.SendAll(Rows(8));
        });

        for (var i = 0; i < 4; i++)
        {
            Assert.True(await waiting.WaitAsync(HangGuard), "a throttled message waits out its Retry-After");
        }

        var accepted = 0;
        await Sandbox.Control.WaitForRequestAsync(r => r.Route == RouteNames.SendMail && r.Status == 202 && ++accepted == 4).WaitAsync(HangGuard);
        Assert.False(endWaits.Task.IsCompleted);
        endWaits.SetResult();
        var outcomes = await command.WaitAsync(HangGuard);

        Assert.All(outcomes, o => Assert.Equal(SendStatus.Sent, o.Status));
        Assert.Equal(new[] { 1, 1, 1, 1, 2, 2, 2, 2 }, outcomes.Select(o => o.Attempts).OrderBy(a => a));
        Assert.Equal(8, Sandbox.Control.GetMessages().Select(m => m.InternetMessageId).Distinct().Count());
        // The sandbox logs a request as it finishes, so a 202 can be logged before an earlier 429: count, don't order.
        var sendMails = Sandbox.Control.GetRequests().Where(r => r.Route == RouteNames.SendMail).Select(r => r.Status).ToList();
        Assert.Equal(12, sendMails.Count);
        Assert.Equal(4, sendMails.Count(status => status == 429));
        Assert.Equal(8, sendMails.Count(status => status == 202));
        Assert.InRange(sender.PeakOnWirePerMailbox, 1, 4);
        Assert.All(Sandbox.Control.GetConcurrency(), c => Assert.Equal(0, c.Throttled));
    }

    [Fact]
    public async Task StoppingMidBulkEndsInFlightSendsAndStartsNoMore()
    {
        using var pause = Sandbox.Control.PauseRoute(RouteNames.SendMail);
        using var stop = new CancellationTokenSource();
        var planned = 0;
        var outcomes = new List<SendResult>();
        var command = Task.Run(() =>
        {
            using var run = new SendRun(() => Harness.Sender, new MailParameters(), SandboxDefaults.Noreply, Path.GetFullPath, stop.Token,
                new DispatchOptions { MaxQueued = 10 });
            outcomes.AddRange(Drive(run, Rows(500).TakeWhile(_ => !stop.IsCancellationRequested).Select(row => { planned++; return row; })));
        });

        await pause.WaitForArrivalsAsync(4).WaitAsync(HangGuard);
        stop.Cancel();
        pause.Release();
        await command.WaitAsync(HangGuard);

        Assert.Equal(planned, outcomes.Count);
        Assert.Equal(Enumerable.Range(0, planned), outcomes.Select(o => o.InputIndex));
        var diagnosis = string.Join("\n", Sandbox.Control.GetRequests().Select(r => $"{r.Time:HH:mm:ss.fff} {r.Method} {r.Route} {r.Status} {r.Fault} {r.ClientRequestId}"))
            + "\n--\n" + string.Join("\n", outcomes.Select(o => $"{o.InputIndex} {o.Status} attempts={o.Attempts} crid={o.ClientRequestId}"))
            + $"\narrived={pause.Arrived} planned={planned}";
        Assert.True(outcomes.Count(o => o.Status == SendStatus.Sent) == 4, "sends after the stop:\n" + diagnosis);
        Assert.All(outcomes.Where(o => o.Status != SendStatus.Sent), o =>
        {
            Assert.Equal(SendStatus.NotSent, o.Status);
            Assert.Equal(ErrorIds.SendNotStarted, o.Error!.ErrorId);
            Assert.Equal(0, o.Attempts);
        });
        Assert.True(planned >= 14, "the queue (10) and the in-flight sends (4) were full when the stop came");
        Assert.Equal(4, Sandbox.Control.GetMessages().Count);
        Assert.Equal(4, pause.Arrived);
    }

    [Fact]
    public async Task AStopDuringARetryWaitEndsTheMessageAsNotSent()
    {
        Sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.Throttle, Count = 1, RetryAfterSeconds = 30 });
        using var stop = new CancellationTokenSource();
        var waiting = new TaskCompletionSource();
        var sender = new MessageSender(Harness.Channel, new RetryOptions
        {
            Delay = async (wait, token) =>
            {
                waiting.TrySetResult();
                await Task.Delay(wait, token);
            },
        });
        var command = Task.Run(() =>
        {
            using var run = new SendRun(() => sender, Parameters(("To", "a@fabrikam.com")), SandboxDefaults.Noreply, Path.GetFullPath, stop.Token);
            return Drive(run, Array.Empty<PipelineRecord>());
        });

        await waiting.Task.WaitAsync(HangGuard);
        stop.Cancel();
        var outcome = Assert.Single(await command.WaitAsync(HangGuard));

        Assert.Equal(SendStatus.NotSent, outcome.Status);
        Assert.Equal(1, outcome.Attempts);
        Assert.Empty(Sandbox.Control.GetMessages());
    }
}
