using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GraphMail.Sandbox.Control;

namespace GraphMail.Module.Tests.Sending;

/// <summary>
/// One run's results (SendResult objects as a script reads them) held against what the sandbox received. The promise
/// under test: every input the command read has exactly one result; every delivered message has a result that says it
/// may have gone (Sent or Unknown) and was delivered once; nothing Failed or NotSent was delivered; every Sent was delivered.
/// </summary>
public sealed class Reconciliation
{
    private Reconciliation(IReadOnlyList<PSObject> results, IReadOnlyList<RecordedMessage> delivered)
    {
        var indexes = results.Select(r => (int)r.Properties["InputIndex"].Value).ToList();
        var byId = results.Where(r => Id(r).Length > 0).GroupBy(Id).ToDictionary(g => g.Key, g => Status(g.First()));
        var deliveredCounts = delivered.GroupBy(m => m.InternetMessageId).ToDictionary(g => g.Key, g => g.Count());
        Results = results.Count;
        Statuses = results.GroupBy(Status).ToDictionary(g => g.Key, g => g.Count());
        Delivered = delivered.Count;
        IndexesNotOneEach = indexes.Count - indexes.Distinct().Count() + (indexes.Count == 0 ? 0 : indexes.Max() + 1 - indexes.Distinct().Count());
        IndexesOutOfOrder = indexes.Zip(indexes.Skip(1), (a, b) => a < b ? 0 : 1).Sum();
        DeliveredWithoutResult = deliveredCounts.Keys.Count(id => !byId.TryGetValue(id, out var status) || status is not ("Sent" or "Unknown"));
        Duplicates = deliveredCounts.Values.Sum(count => count - 1);
        SentNotDelivered = byId.Count(p => p.Value == "Sent" && !deliveredCounts.ContainsKey(p.Key));
    }

    public int Results { get; }

    public IReadOnlyDictionary<string, int> Statuses { get; }

    public int Delivered { get; }

    /// <summary>Input indexes missing or repeated among the results (they must be 0..n-1, once each).</summary>
    public int IndexesNotOneEach { get; }

    public int IndexesOutOfOrder { get; }

    /// <summary>Messages the sandbox received whose result is missing, or says Failed or NotSent.</summary>
    public int DeliveredWithoutResult { get; }

    public int Duplicates { get; }

    public int SentNotDelivered { get; }

    public bool IsClean => IndexesNotOneEach == 0 && IndexesOutOfOrder == 0 && DeliveredWithoutResult == 0 && Duplicates == 0 && SentNotDelivered == 0;

    public static Reconciliation Of(IEnumerable<PSObject> results, IReadOnlyList<RecordedMessage> delivered) =>
        new(results.ToList(), delivered);

    public int Count(string status) => Statuses.TryGetValue(status, out var count) ? count : 0;

    public override string ToString() =>
        $"{Results} results ({string.Join(", ", Statuses.OrderBy(p => p.Key).Select(p => $"{p.Value} {p.Key}"))}), {Delivered} delivered; " +
        $"delivered without result {DeliveredWithoutResult}, duplicates {Duplicates}, sent not delivered {SentNotDelivered}, " +
        $"indexes not one each {IndexesNotOneEach}, out of order {IndexesOutOfOrder}";

    private static string Id(PSObject result) => (string)result.Properties["InternetMessageId"].Value;

    private static string Status(PSObject result) => result.Properties["Status"].Value.ToString()!;
}

/// <summary>Many runs of one way of ending, added up for the report.</summary>
public sealed class ReconciliationTally
{
    private readonly List<Reconciliation> _runs = new();

    public void Add(Reconciliation run) => _runs.Add(run);

    public int Runs => _runs.Count;

    public int Sum(Func<Reconciliation, int> value) => _runs.Sum(value);

    public override string ToString() =>
        $"{Runs} runs: {Sum(r => r.Results)} results ({Sum(r => r.Count("Sent"))} Sent, {Sum(r => r.Count("Failed"))} Failed, " +
        $"{Sum(r => r.Count("Unknown"))} Unknown, {Sum(r => r.Count("NotSent"))} NotSent), {Sum(r => r.Delivered)} delivered; " +
        $"delivered without result {Sum(r => r.DeliveredWithoutResult)}, duplicates {Sum(r => r.Duplicates)}, " +
        $"sent not delivered {Sum(r => r.SentNotDelivered)}, index faults {Sum(r => r.IndexesNotOneEach + r.IndexesOutOfOrder)}";
}
