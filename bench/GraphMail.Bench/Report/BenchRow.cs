namespace GraphMail.Bench.Report;

/// <summary>One line of the results table. <see cref="Met"/> is null for a line that has no target (a baseline).</summary>
public sealed record BenchRow(string Benchmark, string Measured, string Reference, string Ratio, string Target, bool? Met, string Checks);
