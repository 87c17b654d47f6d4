using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using GraphMail.Engine.Sending.Delivery;
using GraphMail.Engine.Sending.Dispatch;
using GraphMail.Engine.Sending.Journal;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Paths;
using GraphMail.Engine.Sending.Pipeline;
using GraphMail.Engine.Sending.Validation;

namespace GraphMail.Engine.Sending;

/// <summary>
/// One Send-GraphMail command from the engine's side: the planner that applies the pipeline rule, the checks, and
/// the dispatcher. The cmdlet drives it from the pipeline thread:
/// <code>
/// each record: foreach plan in run.Planner.Accept(record): message = run.Prepare(plan); ShouldProcess ? run.Submit : run.Decline
///              then write each run.Next(DispatchWait.Room) and call run.Written(it)
/// end:         the same for run.Planner.Complete(), then write each run.Next(DispatchWait.All)
/// ended early: unwritten = run.Halt() (nothing new starts; in-flight requests are waited for, briefly); run.Results has them all
/// </code>
/// Exactly one result per message, in message (input) order, whatever ends the command.
/// </summary>
public sealed class SendRun : IDisposable
{
    private readonly string? _defaultFrom;
    private readonly bool _senderMayBeUnknown;
    private readonly Func<string, IReadOnlyList<string>> _resolvePaths;
    private readonly SendDispatcher _dispatcher;
    private readonly Dictionary<string, int> _keysSeen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _recipientsThisRun = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="connect">Makes the send path over the connection; called on the first message really sent.</param>
    /// <param name="commandLine">The parameters given on the command line.</param>
    /// <param name="defaultFrom">The connection's default sender.</param>
    /// <param name="resolvePaths">Turns a path as written into the full file-system paths it names (PowerShell's current location, wildcards).</param>
    /// <param name="stop">The command's stop token (Ctrl+C).</param>
    /// <param name="senderMayBeUnknown">No connection (-WhatIf offline): a message without -From is previewed from "the default sender".</param>
    public SendRun(Func<IMessageSender> connect, MailParameters commandLine, string? defaultFrom, Func<string, IReadOnlyList<string>> resolvePaths, CancellationToken stop,
        DispatchOptions? options = null, bool senderMayBeUnknown = false, DeliveryOptions? delivery = null)
    {
        Delivery = delivery ?? new DeliveryOptions();
        Journal = Delivery.JournalPath is { } journalPath ? SendJournal.Open(journalPath, readOnly: Delivery.JournalReadOnly) : null;
        _defaultFrom = defaultFrom;
        _senderMayBeUnknown = senderMayBeUnknown;
        _resolvePaths = resolvePaths;
        Planner = new SendPlanner(commandLine);
        if (Journal is null && !MailParameters.IsBlank(commandLine.MessageKey))
        {
            Planner.Note("-MessageKey has no effect without -Journal: nothing remembers the key, so running the command again sends the message again. " +
                         "Add -Journal ./send-journal.jsonl to skip what an earlier run sent.");
        }

        _dispatcher = new SendDispatcher(connect, options ?? new DispatchOptions(), stop);
    }

    /// <summary>As the other constructor, each path naming one file (<paramref name="resolvePath"/>: a full file-system path).</summary>
    public SendRun(Func<IMessageSender> connect, MailParameters commandLine, string? defaultFrom, Func<string, string> resolvePath, CancellationToken stop,
        DispatchOptions? options = null, bool senderMayBeUnknown = false, DeliveryOptions? delivery = null)
        : this(connect, commandLine, defaultFrom, path => new[] { resolvePath(path) }, stop, options, senderMayBeUnknown, delivery)
    {
    }

    public SendPlanner Planner { get; }

    /// <summary>-Delivery, -Journal and -MaxRecipientsPerMessage for this command.</summary>
    public DeliveryOptions Delivery { get; }

    /// <summary>The open -Journal, or null.</summary>
    public SendJournal? Journal { get; }

    public DispatchProgress Progress => _dispatcher.Progress;

    /// <summary>The most messages one sender mailbox had in progress at once during this run.</summary>
    public int PeakInProgressPerMailbox => _dispatcher.PeakInProgressPerMailbox;

    /// <summary>Every result so far, in input order; after the end (or <see cref="Halt"/>), one per message.</summary>
    public IReadOnlyList<SendResult> Results => _dispatcher.Results;

    /// <summary>Checks a planned message. A message that fails its checks is recorded as Failed (nothing is sent) and null is returned.</summary>
    public OutgoingMessage? Prepare(PlannedMessage plan)
    {
        try
        {
            if (plan.Rejection is { } rejection)
            {
                throw rejection;
            }

            var message = MessageBuilder.Build(plan.Parameters, _defaultFrom, _resolvePaths, _senderMayBeUnknown, Delivery.MaxRecipientsPerMessage);
            return Journal is null ? message : Journaled(plan, message);
        }
        catch (GraphMailException e)
        {
            var status = e.ErrorId == ErrorIds.DailyRecipientLimitReached ? SendStatus.NotSent : SendStatus.Failed;
            _dispatcher.Record(plan.Number, Unsendable(plan.Parameters, e, status).WithInput(plan.InputIndex, plan.Input));
            return null;
        }
    }

    /// <summary>
    /// The message as the journal knows it: Skipped when an earlier run sent it; under its earlier Message-ID when an
    /// earlier run started it (so the mailbox can be searched for it); NotSent when it would take its mailbox past
    /// the daily recipient limit. Null when its result is already recorded.
    /// </summary>
    private OutgoingMessage? Journaled(PlannedMessage plan, OutgoingMessage message)
    {
        var key = plan.Parameters.MessageKey is { } given && !MailParameters.IsBlank(given) ? given.Trim() : MessageKeys.Of(message);
        _keysSeen[key] = _keysSeen.TryGetValue(key, out var seen) ? seen + 1 : 1;
        if (_keysSeen[key] > 1)
        {
            // The same message twice in one command is two messages: the second is keyed apart.
            key += "#" + _keysSeen[key].ToString(CultureInfo.InvariantCulture);
        }

        var earlier = Journal!.Earlier(key);
        if (earlier is { Status: JournalStatus.Sent })
        {
            _dispatcher.Record(plan.Number, new SendResult(SendStatus.Skipped, message.From.Address, message.To.Select(r => r.Address).ToArray(), message.Subject,
                earlier.MessageId, message.Path, 0, TimeSpan.Zero).WithInput(plan.InputIndex, plan.Input));
            return null;
        }

        if (earlier is not null)
        {
            message = message.WithInternetMessageId(earlier.MessageId);
        }

        var counted = earlier is not null && earlier.Status is not (JournalStatus.Failed or JournalStatus.NotSent or JournalStatus.Creating);
        if (!counted)
        {
            var mailbox = message.From.Address;
            _recipientsThisRun.TryGetValue(mailbox, out var thisRun);
            var total = Journal.RecipientsInLastDay(mailbox) + thisRun;
            if (total + message.RecipientCount > Delivery.MaxRecipientsPerDay)
            {
                throw new GraphMailException(ErrorIds.DailyRecipientLimitReached, GraphMailErrorKind.LimitsExceeded,
                    $"Not sent: {mailbox} has sent to {total} recipients in the last 24 hours (per the journal), and this message's {message.RecipientCount} would take it past " +
                    $"Exchange Online's limit of {Delivery.MaxRecipientsPerDay}, after which Exchange blocks the mailbox from sending for up to 24 hours.",
                    "Run the command again with the same -Journal once the 24 hours have passed, or send from another mailbox.");
            }

            _recipientsThisRun[mailbox] = thisRun + message.RecipientCount;
        }

        Journal.Bind(key, message);
        return message;
    }

    /// <summary>Queues a checked message for sending; it never waits (wait for room with <see cref="Next"/>).</summary>
    public void Submit(PlannedMessage plan, OutgoingMessage message) => _dispatcher.Submit(plan.Number, message, plan.InputIndex, plan.Input);

    /// <summary>A checked message that is not sent: -WhatIf, or No at -Confirm. Its result is NotSent (not an error).</summary>
    public void Decline(PlannedMessage plan, OutgoingMessage message) =>
        _dispatcher.Record(plan.Number, new SendResult(SendStatus.NotSent, message.From.Address, message.To.Select(r => r.Address).ToArray(), message.Subject,
            string.Empty, message.Path, 0, TimeSpan.Zero, error: new GraphMailException(ErrorIds.SendDeclined, GraphMailErrorKind.OperationStopped,
                "Not sent: -WhatIf was given, or the message was declined at -Confirm.",
                "Run the command again without -WhatIf, and answer Yes at -Confirm, to send it.")).WithInput(plan.InputIndex, plan.Input));

    /// <summary>The next result in input order when it is ready (see <see cref="SendDispatcher.Next"/>); call <see cref="Written"/> once it is written.</summary>
    public SendResult? Next(DispatchWait wait) => _dispatcher.Next(wait);

    public void Written(SendResult result) => _dispatcher.MarkWritten(result);

    /// <summary>Ends the run early (see <see cref="SendDispatcher.Halt"/>) and returns the results not yet written.</summary>
    public IReadOnlyList<SendResult> Halt() => _dispatcher.Halt();

    /// <summary>Whether a result goes to the error stream: every Failed, Unknown and NotSent one, except a declined message.</summary>
    public static bool IsError(SendResult result) => result.Error is not null && !IsDeclined(result);

    /// <summary>A message not sent because -WhatIf was given or it was declined at -Confirm.</summary>
    public static bool IsDeclined(SendResult result) => result.ErrorId == ErrorIds.SendDeclined;

    /// <summary>
    /// A whole command without PowerShell (benchmarks, tests, a host of the engine alone): every record, then the end,
    /// each message sent; returns every result in input order.
    /// </summary>
    public IReadOnlyList<SendResult> SendAll(IEnumerable<PipelineRecord> records)
    {
        foreach (var record in records)
        {
            SendEach(Planner.Accept(record));
            while (Next(DispatchWait.Room) is { } result)
            {
                Written(result);
            }
        }

        SendEach(Planner.Complete());
        while (Next(DispatchWait.All) is { } result)
        {
            Written(result);
        }

        return Results;
    }

    /// <summary>What -WhatIf and -Confirm show: sender, recipient count, subject, attachments and the path (which -Delivery ExactlyOnce makes a draft's).</summary>
    public static string Describe(OutgoingMessage message, DeliveryMode mode = DeliveryMode.AtMostOnce)
    {
        var attachments = message.Attachments.Count == 0
            ? "no attachments"
            : $"{message.Attachments.Count} attachment(s), {Size(message.AttachmentBytes)}";
        var path = message.Path != SendPath.SendMail ? "through a draft and upload sessions (needs Mail.ReadWrite)"
            : mode == DeliveryMode.ExactlyOnce ? "through a draft, then /send (-Delivery ExactlyOnce; needs Mail.ReadWrite)"
            : "in one sendMail request";
        var from = message.From.Address.Length == 0 ? "the connection's default sender (not connected yet)" : message.From.Address;
        return $"Send '{message.Subject}' from {from} to {message.RecipientCount} recipient(s) ({FirstAddresses(message.To.Select(r => r.Address).ToList())}), {attachments}, {path}";
    }

    /// <summary>
    /// Send-GraphMail -Verbose's line for one finished message: what happened, how many times it went on the wire (a
    /// retry after 429 or 503 shows here), how long it took, and the ids to trace it by. No secret, no body.
    /// </summary>
    public static string Trace(SendResult result)
    {
        var path = result.Path == SendPath.SendMail ? "sendMail" : "draft and upload sessions";
        return $"{result.Status}: '{result.Subject}' from {result.From} to {FirstAddresses(result.GetToAddresses())} through {path}, " +
               $"{result.Attempts} attempt(s) in {result.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s, " +
               $"Message-ID {result.InternetMessageId}, request-id {result.RequestId ?? "none"}" +
               (result.Error is { } error ? $" ({error.ErrorId})" : string.Empty) + ".";
    }

    /// <summary>
    /// What to tell the user about the results a command that ended early could not report: counts, the Message-ID of
    /// each Sent and Unknown one (never send those again blindly), and where all results are. Null when there is none.
    /// </summary>
    /// <param name="how">How the command ended, as a clause: "was stopped", "stopped at an error".</param>
    /// <param name="unreported">Results not written to the output (or whose errors could not be written).</param>
    /// <param name="all">Every result of the command.</param>
    /// <param name="resultVariable">The -ResultVariable name, when one was given.</param>
    public static string? StopReport(string how, IReadOnlyList<SendResult> unreported, IReadOnlyList<SendResult> all, string? resultVariable)
    {
        if (unreported.Count == 0)
        {
            return null;
        }

        int Count(SendStatus status) => unreported.Count(r => r.Status == status);
        string Ids(SendStatus status) => string.Join(", ", unreported.Where(r => r.Status == status).Select(r => $"#{r.InputIndex} {r.InternetMessageId}"));
        var text = $"Send-GraphMail {how}. {unreported.Count} result(s) could not be reported: {Count(SendStatus.Sent)} sent, {Count(SendStatus.Failed)} failed, " +
                   $"{Count(SendStatus.Unknown)} unknown, {Count(SendStatus.NotSent)} not sent (never started; safe to send again).";
        text += Count(SendStatus.Sent) == 0 ? string.Empty : " Sent (do not send again): " + Ids(SendStatus.Sent) + ".";
        text += Count(SendStatus.Unknown) == 0 ? string.Empty : " Unknown (look for the Message-ID before sending again): " + Ids(SendStatus.Unknown) + ".";
        text += resultVariable is null
            ? " Pass -ResultVariable to keep every result, whatever ends the command."
            : $" All {all.Count} results are in ${resultVariable}.";
        return text;
    }

    public void Dispose()
    {
        _dispatcher.Dispose();
        Journal?.Dispose();
    }

    private void SendEach(IEnumerable<PlannedMessage> plans)
    {
        foreach (var plan in plans)
        {
            if (Prepare(plan) is { } message)
            {
                Submit(plan, message);
            }
        }
    }

    /// <summary>Small files in KB (a few log files are not "0 MB"), the rest as the limits are written.</summary>
    private static string Size(long bytes) => bytes < 100 * 1024
        ? Math.Ceiling(bytes / 1024.0).ToString(CultureInfo.InvariantCulture) + " KB"
        : SendLimits.Megabytes(bytes);

    private static string FirstAddresses(IReadOnlyCollection<string> addresses) =>
        string.Join(", ", addresses.Take(3)) + (addresses.Count > 3 ? ", ..." : string.Empty);

    private SendResult Unsendable(MailParameters parameters, GraphMailException error, SendStatus status) =>
        new(status,
            parameters.From ?? _defaultFrom ?? string.Empty,
            parameters.To ?? Array.Empty<string>(),
            parameters.Subject ?? string.Empty,
            string.Empty,
            SendPath.SendMail,
            0,
            TimeSpan.Zero,
            error: error);
}
