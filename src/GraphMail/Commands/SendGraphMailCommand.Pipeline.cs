using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Sending;
using GraphMail.Engine.Sending.Delivery;
using GraphMail.Engine.Sending.Dispatch;
using GraphMail.Engine.Sending.Http;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Paths;
using GraphMail.Engine.Sending.Pipeline;
using GraphMail.Errors;
using GraphMail.Session;

namespace GraphMail.Commands;

/// <summary>Send-GraphMail's flow: records planned and checked, messages submitted, results written in input order.</summary>
public sealed partial class SendGraphMailCommand
{
    private HashSet<string> _commandLine = new(StringComparer.OrdinalIgnoreCase);
    private SendGraphMailInput? _input;
    private SendRun? _run;
    private ConnectionChannel? _channel;
    private int _records;
    private bool _whatIf;

    private SendRun Run => _run ?? throw new InvalidOperationException("BeginProcessing did not run.");

    private void Begin()
    {
        _commandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
        if (_commandLine.Contains(nameof(InputObject)))
        {
            throw new GraphMailException(ErrorIds.InvalidSendParameter, GraphMailErrorKind.InvalidArgument,
                "-InputObject takes pipeline input only.", "Pipe the objects instead: $rows | Send-GraphMail ...");
        }

        // -WhatIf needs no connection: the whole merge is checked and previewed offline.
        var connection = RunspaceSessions.Current.Connection;
        _whatIf = IsWhatIf();
        var offline = connection is null && _whatIf;
        connection ??= offline ? null : RunspaceSessions.Current.RequireConnection();
        _input = new SendGraphMailInput(MyInvocation.MyCommand);
        _run = new SendRun(() => Connect(connection!), MailParameters.FromBound(Bound(_commandLine)), connection?.Info.DefaultFrom,
            ResolveFilePaths, CancellationToken, senderMayBeUnknown: offline, delivery: new DeliveryOptions
            {
                Mode = Delivery,
                MaxRecipientsPerMessage = MaxRecipientsPerMessage,
                JournalPath = Journal is null ? null : JournalPath(Journal),
                JournalReadOnly = _whatIf,
            });
        if (_run.Journal is { KnownMessages: > 0 } journal)
        {
            WriteVerbose($"Journal {Journal}: {journal.KnownMessages} message(s) from earlier runs" + (journal.TornLine ? "; its torn last line (a crash while it was written) was skipped." : "."));
        }

        WriteNotes();
    }

    private void Process()
    {
        if (!MyInvocation.ExpectingInput)
        {
            // No pipeline input: PowerShell calls ProcessRecord once anyway; the command line is planned at the end.
            return;
        }

        var fromRecord = MyInvocation.BoundParameters.Keys.Where(k => !_commandLine.Contains(k)).ToList();
        var bound = Bound(fromRecord.Where(k => k != nameof(InputObject)));

        // PowerShell resets the parameters a record bound before the next record, but leaves them in BoundParameters:
        // without this, a record that lacks a value (no Cc) would be read with the one before it.
        fromRecord.ForEach(k => MyInvocation.BoundParameters.Remove(k));
        Plan(Run.Planner.Accept(_input!.Read(_records++, InputObject, bound)));
        Pump(DispatchWait.Room);
    }

    private void End()
    {
        Plan(Run.Planner.Complete());
        Pump(DispatchWait.All);
        if (Run.Progress.Accepted > 4)
        {
            WriteProgress(new ProgressRecord(1, "Send-GraphMail", Run.Progress.ToString()) { RecordType = ProgressRecordType.Completed });
        }

        Close(Run.Results);
    }

    private IMessageSender Connect(GraphMailConnection connection)
    {
        _channel = new ConnectionChannel(connection);
        return new MessageSender(_channel, mode: Run.Delivery.Mode, journal: Run.Journal);
    }

    private void Plan(IEnumerable<PlannedMessage> plans)
    {
        foreach (var plan in plans)
        {
            WriteNotes();
            if (Run.Prepare(plan) is { } message)
            {
                message.Warnings.ToList().ForEach(WriteWarning);
                if (ShouldProcess(SendRun.Describe(message, Run.Delivery.Mode), "Send mail"))
                {
                    Run.Submit(plan, message);
                }
                else
                {
                    Run.Decline(plan, message);
                }
            }

            if (plan.EndsCommand)
            {
                throw new CommandEnding(plan.Rejection!, plan.Input);
            }
        }
    }

    /// <summary>Writes results in input order as they are ready, waiting as asked (for room for one more message, or for all).</summary>
    private void Pump(DispatchWait wait)
    {
        while (Run.Next(wait) is { } result)
        {
            WriteResult(result);
            Run.Written(result);
        }
    }

    private void WriteResult(SendResult result)
    {
        WriteVerbose(SendRun.Trace(result));
        if (SendRun.IsError(result))
        {
            try
            {
                WriteError(ErrorRecords.From(result.Error!, Target(result)));
            }
            catch (Exception) when (!Stopping)
            {
                // -ErrorAction Stop (or $ErrorActionPreference): this result ends the command.
                _stoppedAt = result;
                throw;
            }
        }

        WriteResultObject(result);
        if (Run.Progress is { Accepted: > 4 } progress)
        {
            WriteProgress(new ProgressRecord(1, "Send-GraphMail", progress.ToString()));
        }
    }

    /// <summary>
    /// -PassThru writes the result, except under -WhatIf and for a message declined at -Confirm: as with any ShouldProcess
    /// command, what was not done writes nothing (-ResultVariable still has it).
    /// </summary>
    private void WriteResultObject(SendResult result)
    {
        if (!PassThru || _whatIf || SendRun.IsDeclined(result))
        {
            return;
        }

        try
        {
            WriteObject(result);
        }
        catch (PipelineStoppedException) when (!Stopping)
        {
            // A command downstream stopped the pipeline (Select-Object -First): it took this result before it did.
            Run.Written(result);
            throw;
        }
    }

    /// <summary>The error record's target: the input the message came from, or the command's own parameters.</summary>
    private object Target(SendResult result) => result.InputObject ?? new Hashtable(Bound(_commandLine));

    private Dictionary<string, object?> Bound(IEnumerable<string> names) =>
        names.ToDictionary(n => n, n => Unwrap(MyInvocation.BoundParameters[n]), StringComparer.OrdinalIgnoreCase);

    private static object? Unwrap(object? value) => value switch
    {
        SwitchParameter s => s.IsPresent,
        PSObject o => o.BaseObject,
        PSCredential => true,
        Hashtable h => h.Cast<DictionaryEntry>().ToDictionary(e => e.Key, e => e.Value is PSObject p ? p.BaseObject : e.Value),
        _ => value,
    };

    /// <summary>-Journal as a file-system path; a path on another provider (env:FOO) would otherwise become a file named FOO somewhere.</summary>
    private string JournalPath(string journal)
    {
        try
        {
            return LocalFilePath(journal);
        }
        catch (ArgumentException e)
        {
            throw new GraphMailException(ErrorIds.JournalUnwritable, GraphMailErrorKind.InvalidArgument,
                $"The journal '{journal}' cannot be used: {e.Message} Nothing was sent.",
                "Give -Journal the path of a file in a folder you can write to, such as ./send-journal.jsonl.").Targeting(journal);
        }
    }

    private bool IsWhatIf() =>
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out var given)
            ? LanguagePrimitives.IsTrue(given)
            : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

    private void WriteNotes() => Run.Planner.TakeNotes().ToList().ForEach(WriteWarning);

    /// <summary>A record's mistake that ends the command (the command line and the input give the same parameter).</summary>
    private sealed class CommandEnding : Exception
    {
        internal CommandEnding(GraphMailException error, object? input)
            : base(error.Message, error)
        {
            Error = error;
            Input = input;
        }

        internal GraphMailException Error { get; }

        internal object? Input { get; }
    }
}
