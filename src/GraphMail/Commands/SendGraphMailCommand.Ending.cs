using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GraphMail.Engine.Sending;
using GraphMail.Errors;

namespace GraphMail.Commands;

/// <summary>
/// However Send-GraphMail ends (its end, an error that stops it, Ctrl+C, a command downstream that stops the pipeline,
/// a failure elsewhere in the pipeline), every message gets its one result: in-flight sends are waited for (briefly),
/// the rest end NotSent, results that can still be written are, -ResultVariable receives all of them, and a summary
/// names what could not be reported (Message-IDs of Sent and Unknown ones), through the warning stream while it works.
/// </summary>
public sealed partial class SendGraphMailCommand : IDisposable
{
    private SendResult? _stoppedAt;

    /// <summary>Runs a step; when it throws, the run ends early first and the exception goes on (a record's own mistake ends it terminating).</summary>
    private void Guard(Action step)
    {
        try
        {
            step();
        }
        catch (GraphMailException e) when (_run is null)
        {
            // Begin failed (not connected, -InputObject given): nothing was read or sent.
            ThrowEngineError(e, new Hashtable(Bound(_commandLine)));
        }
        catch (CommandEnding ending)
        {
            EndEarly("stopped at input that conflicts with its command line", ending.Error);
            ThrowEngineError(ending.Error, ending.Input ?? new Hashtable(Bound(_commandLine)));
        }
        catch (GraphMailException e)
        {
            EndEarly("stopped at an error", null);
            ThrowEngineError(e, new Hashtable(Bound(_commandLine)));
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            EndEarly("was stopped", null);
            throw new PipelineStoppedException();
        }
        catch (Exception) when (_run is not null)
        {
            EndEarly(_stoppedAt is null ? (Stopping ? "was stopped" : "ended early (the pipeline stopped or failed)") : "stopped at an error", null);
            throw;
        }
    }

    /// <summary>Ends the run before its end: results accounted for, written where the pipeline still takes them, and kept.</summary>
    /// <param name="terminal">The error the command ends with, when it is one of its own results (the conflict).</param>
    /// <param name="canWrite">False once PowerShell is disposing the command: only the host and variables are left.</param>
    private void EndEarly(string how, GraphMailException? terminal, bool canWrite = true)
    {
        if (_run is not { } run)
        {
            return;
        }

        var unwritten = run.Halt();
        var ending = _stoppedAt ?? unwritten.FirstOrDefault(r => terminal is not null && ReferenceEquals(r.Error, terminal));
        if (canWrite && !Stopping && ending is not null)
        {
            // The command ended at one of its own results, so the output still takes the others: write them, without
            // more errors once the error preference stops at them.
            WriteRemaining(unwritten, ending);
        }

        var unreported = unwritten.Where(r => !ReferenceEquals(r, ending)).ToList();
        Summarize(SendRun.StopReport(how, unreported, run.Results, ResultVariable), canWrite);
        Close(run.Results);
    }

    private void WriteRemaining(IEnumerable<SendResult> results, SendResult ending)
    {
        var errors = _stoppedAt is null;
        try
        {
            foreach (var result in results)
            {
                WriteVerbose(SendRun.Trace(result));
                if (errors && !ReferenceEquals(result, ending) && SendRun.IsError(result))
                {
                    try
                    {
                        WriteError(ErrorRecords.From(result.Error!, Target(result)));
                    }
                    catch (Exception) when (!Stopping)
                    {
                        errors = false;
                    }
                }

                WriteResultObject(result);
                Run.Written(result);
            }
        }
        catch (Exception) when (!Stopping)
        {
            // The output no longer takes results (a downstream command stopped it); they stay in the summary and -ResultVariable.
        }
    }

    /// <summary>
    /// The summary goes to the warning stream while it takes writes (so -WarningAction, -WarningVariable and 3>&amp;1 apply);
    /// after Ctrl+C nothing can be written, so it goes to the host as the warning preference allows, and to -WarningVariable.
    /// </summary>
    private void Summarize(string? summary, bool canWrite)
    {
        if (summary is null)
        {
            return;
        }

        if (canWrite && !Stopping)
        {
            try
            {
                WriteWarning(summary);
                return;
            }
            catch (Exception) when (!Stopping)
            {
                // -WarningAction Stop turns the warning into an error; the command is ending with its own already.
                return;
            }
            catch (PipelineStoppedException)
            {
            }
        }

        var preference = WarningPreference();
        if (preference != ActionPreference.Ignore && MyInvocation.BoundParameters.TryGetValue("WarningVariable", out var name) && name is string variable)
        {
            AddToVariable(variable.TrimStart('+'), new WarningRecord(summary));
        }

        if (preference is not (ActionPreference.SilentlyContinue or ActionPreference.Ignore))
        {
            Host?.UI?.WriteWarningLine(summary);
        }
    }

    private ActionPreference WarningPreference()
    {
        var given = MyInvocation.BoundParameters.TryGetValue("WarningAction", out var action) ? action : GetVariableValue("WarningPreference");
        return LanguagePrimitives.TryConvertTo(given, out ActionPreference preference) ? preference : ActionPreference.Continue;
    }

    private void AddToVariable(string name, object value)
    {
        if (SessionState.PSVariable.GetValue(name) is IList list && !list.IsFixedSize)
        {
            list.Add(value);
        }
        else
        {
            SessionState.PSVariable.Set(name, new ArrayList { value });
        }
    }

    /// <summary>The run is over: -ResultVariable gets every result, and the connection's channel is released.</summary>
    private void Close(IReadOnlyList<SendResult> results)
    {
        if (ResultVariable is { } name)
        {
            SessionState.PSVariable.Set(name, results.ToArray());
        }

        _run?.Dispose();
        _channel?.Dispose();
        _run = null;
        _channel = null;
    }

    /// <summary>Reached without End or a guarded failure when the pipeline failed elsewhere (an upstream command threw).</summary>
    void IDisposable.Dispose()
    {
        try
        {
            EndEarly(Stopping ? "was stopped" : "ended early (the pipeline failed)", null, canWrite: false);
        }
        finally
        {
            Dispose();
        }
    }
}
