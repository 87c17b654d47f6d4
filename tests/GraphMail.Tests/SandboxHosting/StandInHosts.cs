using System;
using System.IO;
using System.Runtime.Versioning;
using GraphMail.Engine.Connections.Configuration;
using GraphMail.Tests.Connections.Support;

namespace GraphMail.Tests.SandboxHosting;

/// <summary>
/// Hosts the launcher can be pointed at instead of the machine's dotnet (through DOTNET_HOST_PATH in a test's own
/// environment): a real dotnet without ASP.NET Core, and shell scripts that behave as a broken sandbox would.
/// </summary>
internal sealed class StandInHosts : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("graphmail-hosts-");

    internal string Folder => _directory.FullName;

    /// <summary>An environment whose only dotnet is <paramref name="host"/>.</summary>
    internal static DictionaryVariables Using(string host) => new() { ["DOTNET_HOST_PATH"] = host, ["PATH"] = string.Empty };

    /// <summary>The machine's dotnet host and .NET runtime, in a folder without the ASP.NET Core shared framework.</summary>
    [UnsupportedOSPlatform("windows")]
    internal string DotnetWithoutAspNetCore()
    {
        var real = new FileInfo(RealDotnet());
        var root = real.Directory!.FullName;
        var fake = Path.Combine(Folder, "dotnet-root");
        Directory.CreateDirectory(Path.Combine(fake, "shared"));
        real.CopyTo(Path.Combine(fake, real.Name));
        Directory.CreateSymbolicLink(Path.Combine(fake, "host"), Path.Combine(root, "host"));
        Directory.CreateSymbolicLink(Path.Combine(fake, "shared", "Microsoft.NETCore.App"), Path.Combine(root, "shared", "Microsoft.NETCore.App"));
        return Path.Combine(fake, real.Name);
    }

    /// <summary>An executable shell script with this body.</summary>
    [UnsupportedOSPlatform("windows")]
    internal string Script(string name, string body)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private static string RealDotnet()
    {
        var found = Engine.SandboxHosting.Launching.DotnetHost.Find(ProcessEnvironmentVariables.Instance) ?? throw new InvalidOperationException("No dotnet on this machine.");
        return new FileInfo(found).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? found;
    }
}
