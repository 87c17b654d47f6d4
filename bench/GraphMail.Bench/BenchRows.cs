using System.Collections.Generic;
using GraphMail.Bench.Rows;

namespace GraphMail.Bench;

/// <summary>Every row of the table, in the order `all` runs them. A new row is one class in Rows/ and one line here.</summary>
public static class BenchRows
{
    public static IReadOnlyDictionary<string, IBenchRow> All { get; } = new Dictionary<string, IBenchRow>
    {
        ["cold"] = new ColdRow(),
        ["import"] = new ImportRow(),
        ["bulk"] = new BulkRow(),
        ["senders"] = new ManySendersRow(),
        ["memory"] = new MemoryRow(),
        ["exactlyonce"] = new ExactlyOnceRow(),
    };
}
