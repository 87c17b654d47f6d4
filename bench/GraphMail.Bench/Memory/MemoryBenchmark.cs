using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Tasks;
using GraphMail.Bench.ColdStart;
using GraphMail.Bench.Sandbox;
using GraphMail.Engine.Sending;

namespace GraphMail.Bench.Memory;

/// <summary>
/// One large attachment, sent by a process of its own (the sandbox, in another, is not counted): its peak resident
/// memory during the send minus what it held right before. The file is real, on disk, random, and deleted after.
/// </summary>
public static class MemoryBenchmark
{
    private const int WarmUpBytes = 8 * 1024 * 1024;

    public static async Task<(MemoryReading Reading, long FileBytes, bool Recorded)> RunAsync(StandaloneSandbox sandbox, long fileBytes, int latencyMs)
    {
        using var control = new SandboxControlClient(sandbox.Endpoint);
        await control.ResetAsync().ConfigureAwait(false);
        await control.UpdateSettingsAsync(new { latencyMs, defaultMaxSendSizeBytes = SendLimits.MaxMessageAttachmentBytes + (1024 * 1024) }).ConfigureAwait(false);
        var directory = Directory.CreateTempSubdirectory("graphmail-bench-memory-").FullName;
        try
        {
            var file = Path.Combine(directory, "attachment.bin");
            var sha256 = WriteRandomFile(file, fileBytes);
            var warmUp = Path.Combine(directory, "warm-up.bin");
            WriteRandomFile(warmUp, WarmUpBytes);

            var subject = "memory " + Guid.NewGuid().ToString("N");
            var (_, first, _) = await ChildProcess.RunAsync(BenchPaths.Harness, "memory-child", sandbox.ConnectionFile, file, warmUp, subject).ConfigureAwait(false);
            var reading = JsonSerializer.Deserialize<MemoryReading>(first)!;
            var recorded = (await control.GetMessagesAsync().ConfigureAwait(false)).Where(m => m.Subject == subject).ToList();
            var intact = recorded.Count == 1 && recorded[0].Attachments.Count == 1 &&
                         recorded[0].Attachments[0].Size == fileBytes && string.Equals(recorded[0].Attachments[0].Sha256, sha256, StringComparison.OrdinalIgnoreCase);
            return (reading, fileBytes, intact);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <returns>The file's SHA-256, hex.</returns>
    private static string WriteRandomFile(string path, long bytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var file = File.Create(path);
        var block = new byte[1024 * 1024];
        for (long written = 0; written < bytes; written += block.Length)
        {
            var count = (int)Math.Min(block.Length, bytes - written);
            Random.Shared.NextBytes(block.AsSpan(0, count));
            file.Write(block, 0, count);
            hash.AppendData(block, 0, count);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
