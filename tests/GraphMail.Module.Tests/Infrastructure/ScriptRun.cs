using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace GraphMail.Module.Tests.Infrastructure;

/// <summary>Everything one script wrote, stream by stream, and the terminating error that ended it, if any.</summary>
public sealed class ScriptRun
{
    public required IReadOnlyList<PSObject> Output { get; init; }

    public required IReadOnlyList<ErrorRecord> Errors { get; init; }

    public required IReadOnlyList<WarningRecord> Warnings { get; init; }

    public required IReadOnlyList<VerboseRecord> Verbose { get; init; }

    public required IReadOnlyList<InformationRecord> Information { get; init; }

    /// <summary>The error that stopped the script (a terminating error, or -ErrorAction Stop), or null.</summary>
    public ErrorRecord? Terminating { get; init; }

    /// <summary>The exception the run threw (PipelineStoppedException after PowerShell.Stop()), or null.</summary>
    public RuntimeException? TerminatingException { get; init; }

    /// <summary>The base objects of the output, cast: for outputs that are the module's own types.</summary>
    public IEnumerable<T> OutputOf<T>() => Output.Select(o => o.BaseObject).OfType<T>();

    /// <summary>The output's base objects, in order.</summary>
    public IReadOnlyList<object> Objects => Output.Select(o => o.BaseObject).ToList();

    /// <summary>Every error: the non-terminating ones and then the terminating one.</summary>
    public IReadOnlyList<ErrorRecord> AllErrors => Terminating is null ? Errors : Errors.Append(Terminating).ToList();

    /// <summary>Every stream's text, for secret-hygiene assertions.</summary>
    public string AllText() => string.Join("\n",
        Output.Select(o => o?.ToString()).Concat(Errors.Select(Describe)).Concat(Warnings.Select(w => w.Message))
            .Concat(Verbose.Select(v => v.Message)).Concat(Information.Select(i => i.MessageData?.ToString()))
            .Concat(Terminating is null ? [] : [Describe(Terminating)]));

    private static string Describe(ErrorRecord e) =>
        string.Join("\n", e.ToString(), e.FullyQualifiedErrorId, e.CategoryInfo.ToString(), e.ErrorDetails?.Message,
            e.ErrorDetails?.RecommendedAction, e.Exception?.ToString(), e.TargetObject?.ToString());
}
