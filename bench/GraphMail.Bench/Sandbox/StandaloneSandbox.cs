using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;

namespace GraphMail.Bench.Sandbox;

/// <summary>
/// GraphMail.Sandbox in a process of its own (`dotnet GraphMail.Sandbox.dll --port 0 --seed bench-seed.json --connection-file ...`), so the
/// processes measured share the machine with it but not a runtime. Dispose stops it with SIGTERM, as CI would.
/// </summary>
public sealed class StandaloneSandbox : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private StandaloneSandbox(Process process, string directory, string readyLine)
    {
        _process = process;
        _directory = directory;
        ReadyLine = readyLine;
        Endpoint = SandboxEndpoint.Parse(readyLine);
    }

    public string ReadyLine { get; }

    public SandboxEndpoint Endpoint { get; }

    /// <summary>The file Connect-GraphMail -Sandbox and the Invoke-RestMethod scripts read.</summary>
    public string ConnectionFile => Path.Combine(_directory, "sandbox.json");

    public static async Task<StandaloneSandbox> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("graphmail-bench-").FullName;
        var seed = BenchSeed.Write(directory);
        var start = new ProcessStartInfo(BenchPaths.DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { BenchPaths.Sandbox, "--port", "0", "--seed", seed, "--connection-file", Path.Combine(directory, "sandbox.json") })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var line = await process.StandardOutput.ReadLineAsync().ConfigureAwait(false)
            ?? throw new InvalidOperationException("The sandbox exited before it was ready: " + await process.StandardError.ReadToEndAsync().ConfigureAwait(false));
        return new StandaloneSandbox(process, directory, line);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            using (var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                terminate.WaitForExit();
            }

            if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
