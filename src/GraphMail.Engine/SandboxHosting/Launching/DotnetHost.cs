using System;
using System.IO;
using System.Runtime.InteropServices;
using GraphMail.Engine.Connections.Configuration;

namespace GraphMail.Engine.SandboxHosting.Launching;

/// <summary>
/// Finds the dotnet host that runs GraphMail.Sandbox.dll: DOTNET_HOST_PATH (set by the SDK), then DOTNET_ROOT, then
/// PATH. PowerShell itself is no help: it ships its own runtime without ASP.NET Core, and without dotnet.
/// </summary>
internal static class DotnetHost
{
    /// <summary>Where the ASP.NET Core Runtime the sandbox needs is downloaded.</summary>
    internal const string RuntimeDownload = "https://dotnet.microsoft.com/download/dotnet/8.0";

    internal static string ExecutableName { get; } = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";

    internal static string? Find(IEnvironmentVariables environment)
    {
        if (Existing(environment.Get("DOTNET_HOST_PATH")) is { } hostPath)
        {
            return hostPath;
        }

        if (Existing(InFolder(environment.Get("DOTNET_ROOT"))) is { } fromRoot)
        {
            return fromRoot;
        }

        foreach (var folder in (environment.Get("PATH") ?? string.Empty).Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (Existing(InFolder(folder.Trim().Trim('"'))) is { } onPath)
            {
                return onPath;
            }
        }

        return null;
    }

    internal static GraphMailException NotFound() =>
        new GraphMailException(ErrorIds.SandboxDotnetNotFound, GraphMailErrorKind.ObjectNotFound,
            $"GraphMail.Sandbox runs on .NET, and no '{ExecutableName}' was found through DOTNET_HOST_PATH, DOTNET_ROOT or PATH.",
            $"Install the ASP.NET Core Runtime 8.0 or later ({RuntimeDownload}), or set DOTNET_ROOT to the folder holding {ExecutableName}.").Targeting(ExecutableName);

    internal static GraphMailException NotRunnable(string dotnet, Exception exception) =>
        new GraphMailException(ErrorIds.SandboxDotnetNotFound, GraphMailErrorKind.ObjectNotFound,
            $"GraphMail.Sandbox runs on .NET, and '{dotnet}' could not be run: {exception.Message}",
            $"Check DOTNET_HOST_PATH and DOTNET_ROOT, or install the ASP.NET Core Runtime 8.0 or later ({RuntimeDownload}).",
            exception).Targeting(dotnet);

    private static string? InFolder(string? folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            return null;
        }

        try
        {
            return Path.Combine(folder, ExecutableName);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? Existing(string? path) => !string.IsNullOrWhiteSpace(path) && File.Exists(path) ? path : null;
}
