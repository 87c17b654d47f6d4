using System;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using GraphMail.Bench.Sandbox;
using GraphMail.Bench.Sending;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Sending.Model;

namespace GraphMail.Bench.Memory;

/// <summary>
/// The sending process of the memory benchmark (GraphMail.Bench memory-child ...): connects, warms the large-attachment
/// path up with a smaller file, then sends the big one and prints one JSON line: the resident memory right before the
/// send, its peak during it (kernel counter and samples), and the managed allocations.
/// </summary>
public static class MemoryChild
{
    public static async Task<int> RunAsync(string connectionFile, string attachment, string warmUpAttachment, string subject)
    {
        using var connection = await BenchConnection.ConnectAsync(SandboxEndpoint.Parse(connectionFile), SandboxApp.LargeAttachments).ConfigureAwait(false);
        var warmUp = Send(connection, warmUpAttachment, subject + " (warm-up)");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var peakReset = ProcessMemory.ResetPeak();
        var before = ProcessMemory.ResidentBytes;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gen2Before = GC.CollectionCount(2);
        SendResult result;
        var clock = Stopwatch.StartNew();
        using (var sampler = new ProcessMemory.Sampler())
        {
            result = Send(connection, attachment, subject);
            clock.Stop();
            Console.WriteLine(JsonSerializer.Serialize(new MemoryReading(
                result.Status.ToString(),
                warmUp.Status.ToString(),
                before,
                ProcessMemory.PeakResidentBytes,
                peakReset,
                sampler.PeakBytes,
                GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore,
                GC.CollectionCount(2) - gen2Before,
                clock.Elapsed.TotalSeconds)));
        }

        return result.Status == SendStatus.Sent ? 0 : 1;
    }

    private static SendResult Send(GraphMailConnection connection, string attachment, string subject) =>
        OneCommand.Run(connection, OneCommand.Parameters(("To", "memory@fabrikam.com"), ("Subject", subject), ("Attachments", attachment)), Array.Empty<MailParameters>())
            .Single();
}

/// <summary>What the memory child measured; bytes unless named otherwise.</summary>
public sealed record MemoryReading(
    string Status,
    string WarmUpStatus,
    long ResidentBeforeSend,
    long PeakResident,
    bool PeakCountsFromSendStart,
    long SampledPeakResident,
    long ManagedAllocated,
    int Gen2Collections,
    double Seconds)
{
    /// <summary>Peak resident memory during the send minus what was resident right before it.</summary>
    public long Growth => Math.Max(PeakResident, SampledPeakResident) - ResidentBeforeSend;
}
