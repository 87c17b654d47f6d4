using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using GraphMail.Engine.Sending.Dispatch;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Paths;
using GraphMail.Engine.Sending.Pipeline;
using GraphMail.Engine.Sending.Validation;

namespace GraphMail.Engine.Sending;

/// <summary>
/// One Send-GraphMail command from the engine's side: the planner that applies the pipeline rule, the checks, and
/// the dispatcher. The cmdlet feeds it records and takes outcomes, all on the pipeline thread:
/// <code>
/// foreach record: plan = run.Planner.Accept(...); if plan: prepared = run.Prepare(plan); [ShouldProcess]; write run.Submit(prepared)
/// end: foreach plan in run.Planner.Complete(): the same; write run.Finish()
/// Ctrl+C: run.Stop() returns what is left (in-flight outcomes, NotSent for the rest)
/// </code>
/// </summary>
public sealed class SendRun : IDisposable
{
    private readonly string? _defaultFrom;
    private readonly Func<string, string> _resolvePath;
    private readonly SendDispatcher _dispatcher;

    /// <param name="sender">The send paths over a connection (or a fake, in tests).</param>
    /// <param name="commandLine">The parameters given on the command line.</param>
    /// <param name="defaultFrom">The connection's default sender.</param>
    /// <param name="resolvePath">Turns a path as written into a full file-system path (PowerShell's current location).</param>
    /// <param name="stop">The command's stop token (Ctrl+C).</param>
    public SendRun(IMessageSender sender, MailParameters commandLine, string? defaultFrom, Func<string, string> resolvePath, CancellationToken stop, DispatchOptions? options = null)
    {
        _defaultFrom = defaultFrom;
        _resolvePath = resolvePath;
        Planner = new SendPlanner(commandLine);
        _dispatcher = new SendDispatcher(sender, options ?? new DispatchOptions(), stop);
    }

    public SendPlanner Planner { get; }

    public DispatchProgress Progress => _dispatcher.Progress;

    /// <summary>The most messages one sender mailbox had in progress at once during this run.</summary>
    public int PeakInProgressPerMailbox => _dispatcher.PeakInProgressPerMailbox;

    /// <summary>Checks a planned message. A message that fails its checks is recorded as Failed (nothing is sent) and null is returned.</summary>
    public OutgoingMessage? Prepare(PlannedMessage plan)
    {
        try
        {
            if (plan.Rejection is { } rejection)
            {
                throw rejection;
            }

            return MessageBuilder.Build(plan.Parameters, _defaultFrom, _resolvePath);
        }
        catch (GraphMailException e)
        {
            _dispatcher.Record(new SendOutcome(plan.Number, Unsendable(plan.Parameters, e), plan.Input));
            return null;
        }
    }

    /// <summary>What -WhatIf and -Confirm show: sender, recipient count, subject, attachments and the path.</summary>
    public static string Describe(OutgoingMessage message)
    {
        var attachments = message.Attachments.Count == 0
            ? "no attachments"
            : $"{message.Attachments.Count} attachment(s), {SendLimits.Megabytes(message.AttachmentBytes)}";
        var path = message.Path == SendPath.SendMail ? "in one sendMail request" : "through a draft and upload sessions (needs Mail.ReadWrite)";
        return $"Send '{message.Subject}' from {message.From.Address} to {message.RecipientCount} recipient(s) ({FirstAddresses(message.To.Select(r => r.Address).ToList())}), {attachments}, {path}";
    }

    /// <summary>
    /// Send-GraphMail -Verbose's line for one finished message: what happened, how many times it went on the wire (a
    /// retry after 429 or 503 shows here), how long it took, and the ids to trace it by. No secret, no body.
    /// </summary>
    public static string Trace(SendResult result)
    {
        var path = result.Path == SendPath.SendMail ? "sendMail" : "draft and upload sessions";
        return $"{result.Status}: '{result.Subject}' from {result.From} to {FirstAddresses(result.To)} through {path}, " +
               $"{result.Attempts} attempt(s) in {result.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s, " +
               $"Message-ID {result.InternetMessageId}, request-id {result.RequestId ?? "none"}" +
               (result.Error is { } error ? $" ({error.ErrorId})" : string.Empty) + ".";
    }

    private static string FirstAddresses(IReadOnlyCollection<string> addresses) =>
        string.Join(", ", addresses.Take(3)) + (addresses.Count > 3 ? ", ..." : string.Empty);

    /// <summary>Queues a checked message (waiting while the queue is full) and yields the outcomes that finished meanwhile.</summary>
    public IEnumerable<SendOutcome> Submit(PlannedMessage plan, OutgoingMessage message) => _dispatcher.Submit(plan.Number, message, plan.Input);

    /// <summary>Outcomes finished so far (failed checks, finished sends), without waiting.</summary>
    public IReadOnlyList<SendOutcome> Completed() => _dispatcher.TakeCompleted();

    /// <summary>No more messages: yields every remaining outcome as it finishes.</summary>
    public IEnumerable<SendOutcome> Finish() => _dispatcher.Finish();

    /// <summary>After Ctrl+C: waits for in-flight sends, marks the rest NotSent, returns every outcome not yet taken.</summary>
    public IReadOnlyList<SendOutcome> Stop() => _dispatcher.Stop();

    /// <summary>
    /// What to tell the user when the pipeline was stopped and these outcomes could not be written: counts, and the
    /// Message-IDs of the Unknown ones (each needs checking before it is sent again).
    /// </summary>
    public static string StopReport(IReadOnlyList<SendOutcome> unwritten)
    {
        int Count(SendStatus status) => unwritten.Count(o => o.Result.Status == status);
        var unknown = unwritten.Where(o => o.Result.Status == SendStatus.Unknown).Select(o => o.Result.InternetMessageId).ToList();
        return $"Send-GraphMail was stopped. Results that could not be written after the stop: {Count(SendStatus.Sent)} sent, " +
               $"{Count(SendStatus.Failed)} failed, {unknown.Count} unknown, {Count(SendStatus.NotSent)} not sent (never started; safe to send again)." +
               (unknown.Count == 0 ? string.Empty : " Check these before sending them again: " + string.Join(", ", unknown) + ".");
    }

    public void Dispose() => _dispatcher.Dispose();

    private SendResult Unsendable(MailParameters parameters, GraphMailException error) =>
        new(SendStatus.Failed,
            parameters.From ?? _defaultFrom ?? string.Empty,
            parameters.To ?? Array.Empty<string>(),
            parameters.Subject ?? string.Empty,
            string.Empty,
            SendPath.SendMail,
            0,
            TimeSpan.Zero,
            error: error);
}
