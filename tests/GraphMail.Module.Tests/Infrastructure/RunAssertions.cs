using System.Linq;
using System.Management.Automation;

namespace GraphMail.Module.Tests.Infrastructure;

/// <summary>Assertions on a <see cref="ScriptRun"/>.</summary>
public static class RunAssertions
{
    /// <summary>The script ended normally and wrote no error; returns the run.</summary>
    public static ScriptRun Succeeded(this ScriptRun run)
    {
        Assert.True(run.AllErrors.Count == 0, "The script wrote errors: " + string.Join("; ", run.AllErrors.Select(e => e.FullyQualifiedErrorId + ": " + e)));
        return run;
    }

    /// <summary>The one error the script wrote or ended with.</summary>
    public static ErrorRecord SingleError(this ScriptRun run) => Assert.Single(run.AllErrors);

    /// <summary>A property of an output object, as PowerShell sees it (adapted members included).</summary>
    public static object? Property(this PSObject item, string name) => item.Properties[name]?.Value is { } value ? PSObject.AsPSObject(value).BaseObject : null;
}
