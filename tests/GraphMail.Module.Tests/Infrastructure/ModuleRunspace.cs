using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;

namespace GraphMail.Module.Tests.Infrastructure;

/// <summary>
/// A real PowerShell runspace with the BUILT GraphMail module imported, as a user's session has it. Each runspace
/// has its own GraphMail connection; dispose it to close the session.
/// </summary>
public sealed class ModuleRunspace : IDisposable
{
    private readonly Runspace _runspace;

    public ModuleRunspace()
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(BuiltModule.Manifest);
        state.ThrowOnRunspaceOpenError = true;
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
    }

    public Runspace Runspace => _runspace;

    /// <summary>
    /// Runs a script; <paramref name="variables"/> become script variables ($name) first. A terminating error does not
    /// throw: it is in <see cref="ScriptRun.Terminating"/>, with whatever the streams held when it stopped.
    /// </summary>
    public ScriptRun Run(string script, IDictionary? variables = null)
    {
        using var shell = Create(script, variables);
        return Collect(shell, () => shell.Invoke());
    }

    /// <summary>
    /// Runs a script and calls <see cref="PowerShell.Stop"/> once <paramref name="stopWhen"/> completes;
    /// <paramref name="onStopping"/> runs as the run enters the Stopping state (to let a held request go).
    /// </summary>
    public async Task<ScriptRun> RunAndStopAsync(string script, Task stopWhen, IDictionary? variables = null, Action? onStopping = null)
    {
        using var shell = Create(script, variables);
        if (onStopping is not null)
        {
            shell.InvocationStateChanged += (_, e) =>
            {
                if (e.InvocationStateInfo.State == PSInvocationState.Stopping)
                {
                    onStopping();
                }
            };
        }

        var output = new PSDataCollection<PSObject>();
        var running = shell.BeginInvoke<PSObject, PSObject>(null, output);
        var stopping = stopWhen.ContinueWith(_ => shell.Stop(), TaskScheduler.Default);
        return await Task.Run(() => Collect(shell, () =>
        {
            shell.EndInvoke(running);
            return output.ReadAll();
        }, output)).ConfigureAwait(false);
    }

    /// <summary>Formats objects the way the host would at the given width (Out-String -Width).</summary>
    public string Render(string script, int width, IDictionary? variables = null)
    {
        var run = Run($"& {{ {script} }} | Out-String -Width {width}", variables);
        if (run.Terminating is not null || run.Errors.Count > 0)
        {
            throw new InvalidOperationException("Rendering failed: " + string.Join("; ", run.AllErrors));
        }

        return string.Concat(run.Output.Select(o => o.BaseObject as string));
    }

    public void Dispose() => _runspace.Dispose();

    private PowerShell Create(string script, IDictionary? variables)
    {
        var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        if (variables is not null)
        {
            foreach (DictionaryEntry entry in variables)
            {
                _runspace.SessionStateProxy.SetVariable((string)entry.Key, entry.Value);
            }
        }

        shell.AddScript(script);
        return shell;
    }

    private static ScriptRun Collect(PowerShell shell, Func<IEnumerable<PSObject>> invoke, PSDataCollection<PSObject>? partial = null)
    {
        var output = new List<PSObject>();
        RuntimeException? thrown = null;
        try
        {
            output.AddRange(invoke());
        }
        catch (RuntimeException e)
        {
            thrown = e;
            if (partial is not null)
            {
                output.AddRange(partial.ReadAll());
            }
        }

        return new ScriptRun
        {
            Output = output.Where(o => o is not null).ToList(),
            Errors = shell.Streams.Error.ToList(),
            Warnings = shell.Streams.Warning.ToList(),
            Verbose = shell.Streams.Verbose.ToList(),
            Information = shell.Streams.Information.ToList(),
            Terminating = thrown?.ErrorRecord,
            TerminatingException = thrown,
        };
    }
}
