using System;
using System.Collections.Generic;
using System.Globalization;

namespace GraphMail.Bench;

/// <summary>The harness's arguments: which benchmarks, full size or --quick, and how many cold-start runs.</summary>
public sealed record BenchCommand(IReadOnlySet<string> Benchmarks, bool Quick, int ColdStartRuns)
{
    public const string Usage = """
        GraphMail benchmarks (docs/performance.md).

        Usage: dotnet run -c Release --project bench/GraphMail.Bench -- <all|bulk|coldstart|memory|import>... [--quick] [--runs N]

          bulk       1,000 messages from one mailbox, sandbox latency 40 ms, 4 requests in flight: against the floor
                     (1,000 x 40 ms / 4) and a sequential loop; again with 5 % of sends answered 429 (Retry-After 1 s)
          coldstart  a fresh process to its first accepted send: the built module vs MSAL + raw HttpClient (medians)
          memory     one 100 MiB attachment: peak resident growth of the sending process
          import     which assemblies importing the module loads
          --quick    a smoke run: 100 messages, 3 cold-start runs, a 20 MiB attachment
          --runs N   cold-start runs of each program (default 15; at least 11 for numbers worth writing down)
        """;

    public static readonly string[] All = { "bulk", "coldstart", "memory", "import" };

    public bool Runs(string benchmark) => Benchmarks.Contains(benchmark);

    public static BenchCommand Parse(IReadOnlyList<string> args)
    {
        var benchmarks = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var quick = false;
        int? runs = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "all":
                    benchmarks.UnionWith(All);
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--runs" when i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0:
                    runs = n;
                    i++;
                    break;
                case var name when Array.IndexOf(All, name) >= 0:
                    benchmarks.Add(name);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        if (benchmarks.Count == 0)
        {
            throw new ArgumentException("Name a benchmark, or all.");
        }

        return new BenchCommand(benchmarks, quick, runs ?? (quick ? 3 : 15));
    }
}
