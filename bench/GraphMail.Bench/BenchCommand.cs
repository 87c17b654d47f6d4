using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace GraphMail.Bench;

/// <summary>The harness's arguments: which rows, how many cold-start and import runs, how many messages.</summary>
public sealed record BenchCommand(IReadOnlyList<string> Rows, int Runs, int Messages, long AttachmentBytes)
{
    public const string Usage = """
        GraphMail benchmarks (docs/performance.md): real `pwsh -File` scripts against a standalone GraphMail.Sandbox.

        Usage: dotnet run -c Release --project bench/GraphMail.Bench -- <all|row...> [--runs N] [--quick]

          rows       {0}
          --runs N   fresh pwsh processes per program in the cold and import rows, and runs of the senders row
                     (default 7; 21 for numbers to keep)
          --quick    a smoke run: 100 messages, 3 runs, a 20 MiB attachment

        GRAPHMAIL_BENCH_MODULE=<psd1> measures another build of the module (an earlier commit's, for before and after).
        GRAPHMAIL_BENCH_PWSH=<pwsh> measures with another pwsh.
        """;

    public static BenchCommand Parse(IReadOnlyList<string> args)
    {
        var rows = new List<string>();
        var quick = false;
        int? runs = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "all":
                    rows.AddRange(BenchRows.All.Keys.Where(name => !rows.Contains(name)));
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--runs" when i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0:
                    runs = n;
                    i++;
                    break;
                case var name when BenchRows.All.ContainsKey(name):
                    rows.Add(name);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        if (rows.Count == 0)
        {
            throw new ArgumentException("Name a row, or all.");
        }

        return new BenchCommand(rows, runs ?? (quick ? 3 : 7), quick ? 100 : 1000, (quick ? 20L : 100L) * 1024 * 1024);
    }
}
