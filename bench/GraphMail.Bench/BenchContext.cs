using System;
using System.IO;
using GraphMail.Bench.Sandbox;

namespace GraphMail.Bench;

/// <summary>What every row gets: the running sandbox, its control API, the command line and a scratch folder.</summary>
public sealed class BenchContext(StandaloneSandbox sandbox, BenchCommand command) : IDisposable
{
    public StandaloneSandbox Sandbox { get; } = sandbox;

    public SandboxControlClient Control { get; } = new(sandbox.Endpoint);

    public BenchCommand Command { get; } = command;

    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("graphmail-bench-work-").FullName;

    public void Dispose()
    {
        Control.Dispose();
        Directory.Delete(WorkDirectory, recursive: true);
    }
}
