using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GraphMail.Bench.Sandbox;

namespace GraphMail.Bench.Record;

/// <summary>
/// A run's results against the sandbox's record, message by message (each has its own subject): delivered (recorded at
/// least once), lost (never recorded), duplicated (recorded copies beyond the first), and how the script's own results agree.
/// </summary>
public sealed record Tally(int Messages, int Results, int ReportedSent, int Delivered, int Lost, int Duplicated, int Misreported)
{
    /// <summary>Every message one result and delivered exactly once, as the script said.</summary>
    public bool Correct => Results == Messages && Delivered == Messages && Lost == 0 && Duplicated == 0 && Misreported == 0;

    public string Line =>
        $"{Results} results for {Messages} messages, {ReportedSent} said sent; the sandbox recorded {Delivered} delivered, " +
        $"{Lost} lost, {Duplicated} duplicated; {Misreported} results disagree with the record";

    /// <param name="subjects">The subjects of the messages the run was given, one each.</param>
    /// <param name="results">The run's own results: subject and status (Sent or anything else).</param>
    public static async Task<Tally> CheckAsync(SandboxControlClient control, IReadOnlyCollection<string> subjects, IReadOnlyList<(string Subject, string Status)> results)
    {
        var wanted = subjects.ToHashSet(StringComparer.Ordinal);
        var recorded = (await control.GetMessagesAsync().ConfigureAwait(false))
            .Where(m => m.Subject is not null && wanted.Contains(m.Subject))
            .GroupBy(m => m.Subject!)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var sent = results.Where(r => r.Status == "Sent").Select(r => r.Subject).ToHashSet(StringComparer.Ordinal);
        var misreported = results.Count(r => (r.Status == "Sent") != recorded.ContainsKey(r.Subject));
        return new Tally(
            subjects.Count,
            results.Count,
            sent.Count,
            recorded.Count,
            subjects.Count(s => !recorded.ContainsKey(s)),
            recorded.Values.Sum(count => count - 1),
            misreported);
    }
}
