using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections.Configuration;

namespace GraphMail.Engine.SandboxHosting.Launching;

/// <summary>
/// Starts GraphMail.Sandbox as a child process (<c>dotnet GraphMail.Sandbox.dll --port N --connection-file F
/// --parent-pid P [--seed S]</c>) and waits for the one JSON line it prints when ready.
/// </summary>
public static class SandboxLauncher
{
    public const string AssemblyFileName = "GraphMail.Sandbox.dll";

    public static Task<SandboxInstance> StartAsync(SandboxStartRequest request, CancellationToken cancellationToken) =>
        StartAsync(request, ProcessEnvironmentVariables.Instance, cancellationToken);

    /// <summary>Stops the sandbox and waits until it has exited; nothing happens when it already has.</summary>
    public static Task StopAsync(SandboxInstance sandbox, CancellationToken cancellationToken) =>
        SandboxShutdown.StopAsync(sandbox, cancellationToken);

    internal static async Task<SandboxInstance> StartAsync(SandboxStartRequest request, IEnvironmentVariables environment, CancellationToken cancellationToken)
    {
        request.Validate();
        var assembly = Path.Combine(request.SandboxDirectory, AssemblyFileName);
        if (!File.Exists(assembly))
        {
            throw new GraphMailException(ErrorIds.SandboxFilesMissing, GraphMailErrorKind.ObjectNotFound,
                $"GraphMail.Sandbox is missing: there is no {assembly}.",
                "Reinstall GraphMail (Install-PSResource GraphMail -Reinstall); from source, build GraphMailModule.sln.");
        }

        var dotnet = DotnetHost.Find(environment) ?? throw DotnetHost.NotFound();
        var connectionFile = Path.Combine(Path.GetTempPath(), $"graphmail-sandbox-{Guid.NewGuid():N}.json");
        var process = Run(dotnet, Arguments(request, assembly, connectionFile), request.SandboxDirectory);

        // Drained from the start so the sandbox never blocks on a full pipe; read in full only when it failed.
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var line = await ReadyLine.ReadAsync(process, request.ReadyTimeout, cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                await SandboxShutdown.WaitForExitAsync(process, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
                throw LaunchFailures.From(process.ExitCode, await stderr.ConfigureAwait(false), dotnet);
            }

            return ReadyLine.ToInstance(line, connectionFile, process);
        }
        catch
        {
            SandboxShutdown.Kill(process);
            process.Dispose();
            File.Delete(connectionFile);
            throw;
        }
    }

    private static Process Run(string dotnet, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(dotnet, ProcessArguments.Join(arguments))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            WorkingDirectory = workingDirectory,
        };
        try
        {
            return Process.Start(start) ?? throw new Win32Exception("No process was started.");
        }
        catch (Win32Exception e)
        {
            throw DotnetHost.NotRunnable(dotnet, e);
        }
    }

    private static IEnumerable<string> Arguments(SandboxStartRequest request, string assembly, string connectionFile)
    {
        yield return assembly;
        yield return "--port";
        yield return request.Port.ToString(CultureInfo.InvariantCulture);
        yield return "--connection-file";
        yield return connectionFile;
        if (request.ParentProcessId is { } parent)
        {
            yield return "--parent-pid";
            yield return parent.ToString(CultureInfo.InvariantCulture);
        }

        if (request.SeedPath is { } seed)
        {
            yield return "--seed";
            yield return Path.GetFullPath(seed);
        }
    }
}
