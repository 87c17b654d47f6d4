using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Tasks;
using GraphMail.Bench.Pwsh;
using GraphMail.Bench.Report;
using static GraphMail.Bench.Report.ResultTable;

namespace GraphMail.Bench.Rows;

/// <summary>
/// Memory: one large attachment (100 MiB, random, on disk) sent with Send-GraphMail from `pwsh -File`: the pwsh
/// process's peak resident memory during the send minus what it held right before. Target: growth under 64 MiB.
/// </summary>
public sealed class MemoryRow : IBenchRow
{
    private const long TargetBytes = 64L * 1024 * 1024;
    private const long WarmUpBytes = 8L * 1024 * 1024;

    public string Description => "memory: a 100 MiB attachment sent from pwsh, peak resident growth";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var fileBytes = context.Command.AttachmentBytes;
        await context.Control.ResetAsync().ConfigureAwait(false);
        await context.Control.UpdateSettingsAsync(new { latencyMs = 40, defaultMaxSendSizeBytes = (150L + 1) * 1024 * 1024 }).ConfigureAwait(false);
        var file = Path.Combine(context.WorkDirectory, "attachment.bin");
        var sha256 = WriteRandomFile(file, fileBytes);
        var warmUp = Path.Combine(context.WorkDirectory, "warm-up.bin");
        WriteRandomFile(warmUp, WarmUpBytes);
        var subject = "memory " + Guid.NewGuid().ToString("N");

        var run = await PwshRun.FileAsync("Memory-GraphMail.ps1", BenchPaths.ModuleManifest, context.Sandbox.ConnectionFile, file, warmUp, subject).ConfigureAwait(false);
        File.Delete(file);
        using var reading = JsonDocument.Parse(run.Output.Split('\n').Last());
        var status = reading.RootElement.GetProperty("status").GetString();
        var before = reading.RootElement.GetProperty("residentBefore").GetInt64();
        var peak = reading.RootElement.GetProperty("peakResident").GetInt64();
        var reset = reading.RootElement.GetProperty("peakReset").GetBoolean();
        var recorded = (await context.Control.GetMessagesAsync().ConfigureAwait(false)).Where(m => m.Subject == subject).ToList();
        var intact = recorded.Count == 1 && recorded[0].Attachments.Count == 1 &&
                     recorded[0].Attachments[0].Size == fileBytes && string.Equals(recorded[0].Attachments[0].Sha256, sha256, StringComparison.OrdinalIgnoreCase);
        var growth = peak - before;
        return
        [
            new BenchRow(
                $"memory: one {Megabytes(fileBytes)} attachment from pwsh -File, peak resident growth of pwsh",
                "+" + Megabytes(growth),
                $"resident before the send {Megabytes(before)}",
                $"{(double)growth / fileBytes:0.00} of the file",
                "< " + Megabytes(TargetBytes),
                growth < TargetBytes,
                $"{status}; the sandbox recorded it {recorded.Count} time(s), {(intact ? "with the file's exact size and SHA-256" : "WRONGLY or not at all")}; " +
                $"peak {Megabytes(peak)} (VmHWM{(reset ? ", reset right before the send" : ", NOT reset: counts from process start")})",
                intact && status == "Sent"),
        ];
    }

    /// <returns>The file's SHA-256, hex.</returns>
    private static string WriteRandomFile(string path, long bytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var stream = File.Create(path);
        var block = new byte[1024 * 1024];
        for (long written = 0; written < bytes; written += block.Length)
        {
            var count = (int)Math.Min(block.Length, bytes - written);
            Random.Shared.NextBytes(block.AsSpan(0, count));
            stream.Write(block, 0, count);
            hash.AppendData(block, 0, count);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
