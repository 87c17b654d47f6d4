using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using GraphMail.LoadContext;

namespace GraphMail.Session;

/// <summary>
/// GraphMail's views (GraphMail.Format.ps1xml, next to the manifest) come into a runspace just before a GraphMail
/// cmdlet first writes an object or an error there, not at import: any format data a session loads makes PowerShell
/// rebuild its whole format table (about as long as the rest of the import together, docs/performance.md), which a
/// script that sends mail and prints nothing never needs. Remove-Module takes them away again, as it does with a
/// manifest's FormatsToProcess. Once per runspace; a host that refuses format updates keeps PowerShell's default views.
/// </summary>
internal static class ModuleViews
{
    internal const string FileName = "GraphMail.Format.ps1xml";

    // Per runspace: whether GraphMail added the views there (to take away on Remove-Module), or found them there.
    private static readonly ConditionalWeakTable<Runspace, object> Loaded = new();
    private static readonly object Added = new();
    private static readonly object FoundThere = new();

    /// <summary>bin/&lt;framework&gt;/GraphMail.dll → GraphMail.Format.ps1xml beside the manifest.</summary>
    internal static string FilePath { get; } =
        Path.GetFullPath(Path.Combine(IsolatedDependencies.ModuleBinDirectory, "..", "..", FileName));

    /// <summary>Loads the views into the cmdlet's runspace unless they are there already. Pipeline thread only.</summary>
    internal static void EnsureLoaded(PSCmdlet cmdlet)
    {
        if (Runspace.DefaultRunspace is not { } runspace || Loaded.TryGetValue(runspace, out _))
        {
            return;
        }

        // Marked first, whatever happens next: a runspace that refuses the views is asked once, not for every object.
        var foundThere = !File.Exists(FilePath) || IndexIn(runspace) >= 0;
        Loaded.Add(runspace, foundThere ? FoundThere : Added);
        if (foundThere)
        {
            return;
        }

        // A restricted session, or one whose host disabled format updates, keeps PowerShell's default views.
        if (UpdateFormatData(FilePath) is { } failure)
        {
            cmdlet.WriteVerbose($"GraphMail's views could not be loaded ({failure}); objects are shown with PowerShell's default views.");
        }
    }

    /// <summary>Takes the views out of the current runspace again (Remove-Module GraphMail). Pipeline thread only.</summary>
    internal static void Unload()
    {
        if (Runspace.DefaultRunspace is not { } runspace || !Loaded.TryGetValue(runspace, out var marker))
        {
            return;
        }

        Loaded.Remove(runspace);
        var index = IndexIn(runspace);
        if (marker != Added || index < 0)
        {
            return;
        }

        // Without a path, Update-FormatData rebuilds the runspace's format table from its remaining files. A runspace
        // that is closing, or refuses updates, has nothing more to take away.
        runspace.InitialSessionState.Formats.RemoveItem(index);
        _ = UpdateFormatData(null);
    }

    /// <summary>Update-FormatData in the current runspace, nested in the running command; the first error, or null.</summary>
    private static string? UpdateFormatData(string? appendPath)
    {
        try
        {
            using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
            shell.AddCommand("Microsoft.PowerShell.Utility\\Update-FormatData").AddParameter("WhatIf", false).AddParameter("Confirm", false);
            if (appendPath is not null)
            {
                shell.AddParameter("AppendPath", new[] { appendPath });
            }

            shell.Invoke();
            return shell.Streams.Error.Count > 0 ? shell.Streams.Error[0].ToString() : null;
        }
        catch (Exception e) when (e is RuntimeException or InvalidOperationException)
        {
            return e.Message;
        }
    }

    private static int IndexIn(Runspace runspace)
    {
        var formats = runspace.InitialSessionState?.Formats;
        for (var i = 0; formats is not null && i < formats.Count; i++)
        {
            if (string.Equals(formats[i].FileName, FilePath, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
