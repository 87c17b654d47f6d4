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
            : SandboxEndpoint.Parse(SandboxEndpoint.IsLineOrUrl(readyLineOrPath) ? readyLineOrPath : FileSystemPath(readyLineOrPath, "Sandbox"));

    /// <summary>
    /// A path as PowerShell means it; as typed when PowerShell cannot read it (an unknown drive such as "https:"), so
    /// the engine names it in its own error instead of PowerShell's DriveNotFound; refused on another provider (env:).
    /// </summary>
    /// <exception cref="GraphMailException">PathNotOnFileSystem.</exception>
    private protected string FileSystemPath(string path, string parameterName)
    {
        try
        {
            return LocalFilePath(path);
        }
        catch (ArgumentException e) when (e.InnerException is System.Management.Automation.RuntimeException)
        {
            return path;
        }
        catch (ArgumentException e)
        {
            throw PathNotOnFileSystem(path, parameterName, e);
        }
    }
}
