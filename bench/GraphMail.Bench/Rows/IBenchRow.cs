using System.Collections.Generic;
using System.Threading.Tasks;
using GraphMail.Bench.Report;

namespace GraphMail.Bench.Rows;

/// <summary>One benchmark: runs its programs side by side against the sandbox and returns its lines of the table.</summary>
public interface IBenchRow
{
    /// <summary>What the row measures, for the usage text.</summary>
    string Description { get; }

    Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context);
}
