namespace GraphMail.Bench.Report;

/// <summary>
/// One line of the results table. <see cref="Met"/> is null for a line that has no target (a baseline);
/// <see cref="Correct"/> is false when GraphMail's results disagree with the sandbox's record (baselines: always true).
/// </summary>
public sealed record BenchRow(string Benchmark, string Measured, string Reference, string Ratio, string Target, bool? Met, string Checks, bool Correct);
