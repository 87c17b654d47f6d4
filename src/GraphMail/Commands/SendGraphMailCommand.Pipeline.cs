using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GraphMail.Engine.Sending;
using GraphMail.Engine.Sending.Dispatch;
using GraphMail.Engine.Sending.Http;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Paths;
using GraphMail.Engine.Sending.Pipeline;
using GraphMail.Session;

namespace GraphMail.Commands;

/// <summary>Send-GraphMail's glue: which parameters a record bound, and outcomes written on the pipeline thread.</summary>
public sealed partial class SendGraphMailCommand
{
    private HashSet<string> _commandLine = new(StringComparer.OrdinalIgnoreCase);
    private SendRun? _run;
    private ConnectionChannel? _channel;

    private SendRun Run => _run ?? throw new InvalidOperationException("BeginProcessing did not run.");

    private void Begin()
    {
        var connection = RunspaceSessions.Current.RequireConnection();
        _commandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
        _channel = new ConnectionChannel(connection);
        _run = new SendRun(new MessageSender(_channel), MailParameters.FromBound(Bound(_commandLine)), connection.Info.DefaultFrom,
            ProviderPath, CancellationToken);
        WriteNotes();
    }

    private void End()
    {
        foreach (var plan in Run.Planner.Complete())
        {
            Plan(plan);
        }

        Write(Run.Finish());
        if (Run.Progress.Accepted > 4)
        {
            WriteProgress(new ProgressRecord(1, "Send-GraphMail", Run.Progress.ToString()) { RecordType = ProgressRecordType.Completed });
        }

        Close();
    }

    private void Plan(PlannedMessage? plan)
    {
        WriteNotes();
        if (plan is not null && Run.Prepare(plan) is { } message)
        {
            message.Warnings.ToList().ForEach(WriteWarning);
            if (ShouldProcess(SendRun.Describe(message), "Send mail"))
            {
                Write(Run.Submit(plan, message));
            }
        }

        Write(Run.Completed());
    }

    /// <summary>
    /// Parameters the pipeline bound for this record: those bound now that were not on the command line. PowerShell
    /// resets a pipeline-bound property before the next record but leaves its old value in BoundParameters, so they
    /// are taken out once read: one row's Cc must never reach the next row's message.
    /// </summary>
    private Dictionary<string, object?> TakePipelineBound()
    {
        var bound = Bound(MyInvocation.BoundParameters.Keys.Where(k => !_commandLine.Contains(k)).ToList());
        foreach (var name in bound.Keys)
        {
            MyInvocation.BoundParameters.Remove(name);
        }

        return bound;
    }

    /// <summary>The error target for a record's message: what the record supplied.</summary>
    private static Hashtable? PipelineTarget(Dictionary<string, object?> bound) => bound.Count > 0 ? new Hashtable(bound) : null;

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

    private void Write(IEnumerable<SendOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            WriteVerbose(SendRun.Trace(outcome.Result));
            if (outcome.Result.Error is { } error)
            {
                WriteEngineError(error, outcome.Input ?? new Hashtable(Bound(_commandLine)));
            }

            if (PassThru)
            {
                WriteObject(outcome.Result);
            }

            if (Run.Progress is { Accepted: > 4 } progress)
            {
                WriteProgress(new ProgressRecord(1, "Send-GraphMail", progress.ToString()));
            }
        }
    }

    private void WriteNotes() => Run.Planner.TakeNotes().ToList().ForEach(WriteWarning);

    /// <summary>Engine errors end the command cleanly; after Ctrl+C nothing can be written, so the host is told what happened.</summary>
    private void Guard(Action step)
    {
        try
        {
            step();
        }
        catch (GraphMailException e)
        {
            Close();
            ThrowEngineError(e, null);
        }
        catch (PipelineStoppedException)
        {
            var report = SendRun.StopReport(_run?.Stop() ?? Array.Empty<SendOutcome>());
            Host?.UI?.WriteWarningLine(report);
            Close();
            throw;
        }
    }

    private void Close()
    {
        _run?.Dispose();
        _channel?.Dispose();
        _run = null;
        _channel = null;
    }
}
