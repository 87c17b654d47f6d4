using System;
using System.Management.Automation;
using GraphMail.Engine.Connections;

namespace GraphMail.Commands;

/// <summary>Where a cmdlet signs in: a Microsoft cloud (-Environment) or a GraphMail.Sandbox (-Sandbox).</summary>
public abstract class GraphMailCloudCmdlet : GraphMailCmdlet
{
    private GraphMailEnvironment _environment = GraphMailEnvironment.Global;

    [Parameter]
    public GraphMailEnvironment Environment
    {
        get => _environment;
        set
        {
            _environment = value;
            EnvironmentGiven = true;
        }
    }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Sandbox { get; set; }

    /// <summary>True when -Environment was given (it then overrides what environment variables or an app object say).</summary>
    internal bool EnvironmentGiven { get; private set; }

    /// <summary>A sandbox's ready line as it is, or its connection file's path from the current location; on the pipeline thread.</summary>
    private protected SandboxEndpoint? SandboxEndpointOf(string? readyLineOrPath) =>
        readyLineOrPath is null
            ? null
            : SandboxEndpoint.Parse(SandboxEndpoint.IsLineOrUrl(readyLineOrPath) ? readyLineOrPath : FileSystemPath(readyLineOrPath));

    /// <summary>
    /// A path as PowerShell means it; as typed when PowerShell cannot read it as a file-system path (an unknown drive
    /// such as "https:"), so the engine names it in its own error instead of PowerShell's DriveNotFound.
    /// </summary>
    private protected string FileSystemPath(string path)
    {
        try
        {
            return ProviderPath(path);
        }
        catch (System.Management.Automation.RuntimeException e) when (e is not System.Management.Automation.PipelineStoppedException)
        {
            return path;
        }
    }
}
