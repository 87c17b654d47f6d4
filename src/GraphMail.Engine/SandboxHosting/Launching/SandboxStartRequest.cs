using System;
using System.Diagnostics;
using GraphMail.Engine.FileSystem;

namespace GraphMail.Engine.SandboxHosting.Launching;

/// <summary>What Start-GraphMailSandbox was told, and where the module keeps the sandbox.</summary>
public sealed class SandboxStartRequest
{
    public SandboxStartRequest(string sandboxDirectory)
    {
        SandboxDirectory = sandboxDirectory;
        using var self = Process.GetCurrentProcess();
        ParentProcessId = self.Id;
    }

    /// <summary>The folder holding GraphMail.Sandbox.dll (the module's sandbox/ folder).</summary>
    public string SandboxDirectory { get; }

    /// <summary>Port on 127.0.0.1; 0 takes a free one.</summary>
    public int Port { get; set; }

    /// <summary>A seed JSON file; null takes the default seed.</summary>
    public string? SeedPath { get; set; }

    /// <summary>The process whose exit stops the sandbox: this one unless set otherwise; null for none.</summary>
    public int? ParentProcessId { get; set; }

    /// <summary>How long the sandbox may take to print its ready line.</summary>
    public TimeSpan ReadyTimeout { get; set; } = TimeSpan.FromSeconds(60);

    internal void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new GraphMailException(ErrorIds.SandboxStartFailed, GraphMailErrorKind.InvalidArgument,
                $"The port {Port} is not a TCP port.", "Pass a port from 1 to 65535, or 0 (the default) for any free port.");
        }

        // The sandbox reads the seed as it starts: a folder, FIFO or device there would fail (or block) it only after a wait.
        if (SeedPath is { } seed && FileKinds.Of(seed) is var kind && kind != FileKind.Regular)
        {
            throw new GraphMailException(ErrorIds.SandboxStartFailed, GraphMailErrorKind.InvalidArgument,
                $"The seed file '{seed}' is " + (kind == FileKind.Missing ? "not there." : FileKinds.Describe(kind) + ", not a seed JSON file."),
                "Pass the path of a seed JSON file (see docs/sandbox.md), or leave -SeedPath out for the default seed.");
        }

        if (ReadyTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ReadyTimeout), ReadyTimeout, "The ready timeout must be positive.");
        }
    }
}
