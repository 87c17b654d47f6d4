using System.IO;
using System.Management.Automation;
using GraphMail.Engine.SandboxHosting.Launching;
using GraphMail.LoadContext;
using GraphMail.Session;

namespace GraphMail.Commands;

/// <summary>
/// Starts the GraphMail.Sandbox that ships in the module's sandbox folder, as a child of this PowerShell process
/// that stops when it exits, and makes it this session's current sandbox.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "GraphMailSandbox", HelpUri = "https://github.com/graphmail/GraphMail/blob/main/docs/en-US/Start-GraphMailSandbox.md")]
[OutputType(typeof(SandboxInstance))]
public sealed class StartGraphMailSandboxCommand : GraphMailCmdlet
{
    [Parameter]
    [ValidateRange(0, 65535)]
    public int Port { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SeedPath { get; set; }

    /// <summary>Which session remembers the sandbox; tests pass their own.</summary>
    private RunspaceSession Session { get; } = RunspaceSessions.Current;

    /// <summary>Where GraphMail.Sandbox.dll is; tests point it at the built module.</summary>
    private string SandboxDirectory { get; } = SandboxDirectoryFor(IsolatedDependencies.ModuleBinDirectory);

    /// <summary>The module's sandbox folder, seen from bin/net8.0 or bin/net472, where GraphMail.dll loads from.</summary>
    internal static string SandboxDirectoryFor(string moduleBinDirectory) =>
        Path.GetFullPath(Path.Combine(moduleBinDirectory, "..", "..", "sandbox"));

    protected override void ProcessRecord()
    {
        SandboxInstance sandbox;
        try
        {
            var request = new SandboxStartRequest(SandboxDirectory) { Port = Port, SeedPath = SeedPath is null ? null : ProviderPath(SeedPath, nameof(SeedPath)) };
            sandbox = Await(cancellation => SandboxLauncher.StartAsync(request, cancellation));
        }
        catch (GraphMailException e)
        {
            ThrowEngineError(e, (object?)SeedPath ?? Port);
            return;
        }

        Session.UseSandbox(sandbox);
        WriteVerbose($"GraphMail.Sandbox is running as process {sandbox.ProcessId} at {sandbox.AuthorityUri}.");
        WriteObject(sandbox);
    }
}
