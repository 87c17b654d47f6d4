using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using GraphMail.Bench.Pwsh;
using GraphMail.Bench.Report;
using static GraphMail.Bench.Report.ResultTable;

namespace GraphMail.Bench.Rows;

/// <summary>
/// Import: `Import-Module GraphMail` against importing a one-cmdlet binary module (bench/GraphMail.Bench.MinimalModule),
/// each in a fresh `pwsh -File` after PowerShell's own Utility module is re-imported; once in a session that has
/// formatted nothing yet, once in one that has (bench/scripts/Import-Timed.ps1 -Session). Then where GraphMail's time
/// goes: its dll imported alone, its format data alone, and a one-view format file alone. Target ≤ 1.5 ×.
/// </summary>
public sealed class ImportRow : IBenchRow
{
    private const string OneViewFormat = """
        <?xml version="1.0" encoding="utf-8"?>
        <Configuration><ViewDefinitions><View><Name>BenchOneView</Name><ViewSelectedBy><TypeName>GraphMail.Bench.OneView</TypeName></ViewSelectedBy>
        <ListControl><ListEntries><ListEntry><ListItems><ListItem><PropertyName>Name</PropertyName></ListItem></ListItems></ListEntry></ListEntries></ListControl>
        </View></ViewDefinitions></Configuration>
        """;

    public string Description => "import: Import-Module GraphMail vs a one-cmdlet binary module, and where GraphMail's import time goes";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var manifest = BenchPaths.ModuleManifest;
        var moduleDirectory = Path.GetDirectoryName(manifest)!;
        var formats = Path.Combine(moduleDirectory, "GraphMail.Format.ps1xml");
        var oneView = Path.Combine(context.WorkDirectory, "OneView.Format.ps1xml");
        await File.WriteAllTextAsync(oneView, OneViewFormat).ConfigureAwait(false);
        var targets = new (string Name, string Path, string Kind, string Session)[]
        {
            ("GraphMail", manifest, "Module", "Fresh"),
            ("minimal", BenchPaths.MinimalModuleManifest, "Module", "Fresh"),
            ("GraphMail, formatted session", manifest, "Module", "Formatted"),
            ("minimal, formatted session", BenchPaths.MinimalModuleManifest, "Module", "Formatted"),
            ("GraphMail.dll alone", Path.Combine(moduleDirectory, "bin", "net8.0", "GraphMail.dll"), "Module", "Fresh"),
            ("GraphMail's format data alone", formats, "Formats", "Fresh"),
            ("a one-view format file alone", oneView, "Formats", "Fresh"),
            ("GraphMail's format data alone in a formatted session", formats, "Formats", "Formatted"),
        };
        foreach (var target in targets)
        {
            await PwshRun.FileAsync("Import-Timed.ps1", target.Path, target.Kind, target.Session).ConfigureAwait(false);
        }

        var times = targets.ToDictionary(t => t.Name, _ => new List<double>());
        for (var run = 0; run < context.Command.Runs; run++)
        {
            for (var i = 0; i < targets.Length; i++)
            {
                var target = targets[(run + i) % targets.Length];
                var result = await PwshRun.FileAsync("Import-Timed.ps1", target.Path, target.Kind, target.Session).ConfigureAwait(false);
                times[target.Name].Add(double.Parse(result.Output, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var median = times.ToDictionary(t => t.Key, t => Stats.Median(t.Value));
        var breakdown = "where GraphMail's time goes: " + string.Join(", ", targets.Skip(4).Select(t => $"{t.Name} {Milliseconds(median[t.Name])}"));
        return
        [
            Line($"import: Import-Module GraphMail in a fresh pwsh -File (median of {context.Command.Runs})", median["GraphMail"], median["minimal"], breakdown),
            Line(
                $"import: the same after the session has formatted output once (median of {context.Command.Runs})",
                median["GraphMail, formatted session"],
                median["minimal, formatted session"],
                "PowerShell builds its own format tables when a session first formats output or loads format data; a session that has printed anything has paid that already"),
        ];
    }

    private static BenchRow Line(string name, double graphMail, double minimal, string checks) => new(
        name,
        Milliseconds(graphMail),
        $"one-cmdlet binary module {Milliseconds(minimal)}",
        Times(graphMail / minimal),
        "≤ 1.50 ×",
        graphMail / minimal <= 1.50,
        "every import ran without an error; " + checks,
        true);
}
