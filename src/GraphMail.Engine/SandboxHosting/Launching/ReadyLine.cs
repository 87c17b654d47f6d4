using System;
using System.Diagnostics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;

namespace GraphMail.Engine.SandboxHosting.Launching;

/// <summary>The one JSON line the sandbox prints on stdout when it is ready: read with a time limit, then understood.</summary>
internal static class ReadyLine
{
    /// <returns>The first line, or null when the sandbox closed stdout (exited) without one.</returns>
    internal static async Task<string?> ReadAsync(Process process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var line = process.StandardOutput.ReadLineAsync();
        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var finished = await Task.WhenAny(line, Task.Delay(timeout, stopWaiting.Token)).ConfigureAwait(false);
        stopWaiting.Cancel();
        cancellationToken.ThrowIfCancellationRequested();
        return finished == line ? await line.ConfigureAwait(false) : throw LaunchFailures.Timeout(timeout);
    }

    internal static SandboxInstance ToInstance(string line, string connectionFile, Process process)
    {
        SandboxEndpoint endpoint;
        string? pem;
        try
        {
            endpoint = SandboxEndpoint.Parse(line);
            using var document = JsonDocument.Parse(line);
            pem = document.RootElement.TryGetProperty("certificatePem", out var value) ? value.GetString() : null;
        }
        catch (Exception e) when (e is GraphMailException or JsonException or InvalidOperationException)
        {
            throw LaunchFailures.NotAReadyLine(line);
        }

        return new SandboxInstance(
            line,
            endpoint.AuthorityBaseUri,
            endpoint.GraphBaseUri,
            endpoint.ControlBaseUri ?? throw LaunchFailures.NotAReadyLine(line),
            connectionFile,
            pem ?? throw LaunchFailures.NotAReadyLine(line),
            process);
    }
}
