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
/// each in a fresh `pwsh -File` after PowerShell's own Utility module is re-imported. Then where GraphMail's time goes:
/// its dll imported alone, its format data alone, and a one-view format file alone. Target ≤ 1.5 ×.
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
        var oneView = Path.Combine(context.WorkDirectory, "OneView.Format.ps1xml");
        await File.WriteAllTextAsync(oneView, OneViewFormat).ConfigureAwait(false);
        var targets = new (string Name, string Path, string Kind)[]
        {
            ("GraphMail", manifest, "Module"),
            ("minimal", BenchPaths.MinimalModuleManifest, "Module"),
            ("GraphMail.dll alone", Path.Combine(moduleDirectory, "bin", "net8.0", "GraphMail.dll"), "Module"),
            ("GraphMail's format data alone", Path.Combine(moduleDirectory, "GraphMail.Format.ps1xml"), "Formats"),
            ("a one-view format file alone", oneView, "Formats"),
        };
        foreach (var target in targets)
        {
            await PwshRun.FileAsync("Import-Timed.ps1", target.Path, target.Kind).ConfigureAwait(false);
        }

        var times = targets.ToDictionary(t => t.Name, _ => new List<double>());
        for (var run = 0; run < context.Command.Runs; run++)
        {
            for (var i = 0; i < targets.Length; i++)
            {
                var target = targets[(run + i) % targets.Length];
                var result = await PwshRun.FileAsync("Import-Timed.ps1", target.Path, target.Kind).ConfigureAwait(false);
                times[target.Name].Add(double.Parse(result.Output, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var median = times.ToDictionary(t => t.Key, t => Stats.Median(t.Value));
        var ratio = median["GraphMail"] / median["minimal"];
        return
        [
            new BenchRow(
                $"import: Import-Module GraphMail in a fresh pwsh (median of {context.Command.Runs})",
                Milliseconds(median["GraphMail"]),
                $"one-cmdlet binary module {Milliseconds(median["minimal"])}",
                Times(ratio),
                "≤ 1.50 ×",
                ratio <= 1.50,
                $"every import ran without an error; where it goes: " +
                string.Join(", ", targets.Skip(2).Select(t => $"{t.Name} {Milliseconds(median[t.Name])}")),
                true),
        ];
    }
}
