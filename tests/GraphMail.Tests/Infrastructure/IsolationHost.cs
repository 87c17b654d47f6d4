using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace GraphMail.Tests.Infrastructure;

/// <summary>One assembly loaded in the isolation host, and the load context that holds it.</summary>
internal sealed record LoadedAssembly(string Name, string Version, string Context, string? Location);

/// <summary>What the isolation host reported.</summary>
internal sealed record IsolationReport(
    string PreloadedMsal,
    IReadOnlyList<LoadedAssembly> AfterImport,
    IReadOnlyList<LoadedAssembly> AfterUse,
    IReadOnlyList<IReadOnlyDictionary<string, string?>> Steps);

/// <summary>Runs tests/GraphMail.IsolationHost (a process holding a foreign MSAL) against the built module.</summary>
internal static class IsolationHost
{
    private static string HostAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0
            var path = Path.Combine(RepositoryPaths.Root, "tests", "GraphMail.IsolationHost", "bin", configuration, "net8.0", "GraphMail.IsolationHost.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException("The isolation host is not built: " + path);
        }
    }

    internal static IsolationReport Import() => Run("import");

    internal static IsolationReport Send(string stepsJson)
    {
        var steps = Path.GetTempFileName();
        try
        {
            File.WriteAllText(steps, stepsJson);
            return Run("send", steps);
        }
        finally
        {
            File.Delete(steps);
        }
    }

    private static IsolationReport Run(string mode, string? stepsFile = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostAssembly);
        start.ArgumentList.Add(mode);
        start.ArgumentList.Add(RepositoryPaths.ModuleDirectory);
        if (stepsFile is not null)
        {
            start.ArgumentList.Add(stepsFile);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The isolation host exited with {process.ExitCode}: {stderr.Result}");
        }

        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        return new IsolationReport(
            root.GetProperty("preloadedMsal").GetString()!,
            Assemblies(root, "assembliesAfterImport"),
            root.TryGetProperty("assembliesAfterUse", out _) ? Assemblies(root, "assembliesAfterUse") : Array.Empty<LoadedAssembly>(),
            root.TryGetProperty("steps", out var steps)
                ? steps.EnumerateArray().Select(s => (IReadOnlyDictionary<string, string?>)s.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString())).ToList()
                : Array.Empty<IReadOnlyDictionary<string, string?>>());
    }

    private static List<LoadedAssembly> Assemblies(JsonElement root, string property) =>
        root.GetProperty(property).EnumerateArray()
            .Select(a => new LoadedAssembly(
                a.GetProperty("name").GetString()!,
                a.GetProperty("version").GetString()!,
                a.GetProperty("context").GetString()!,
                a.GetProperty("location").GetString()))
            .ToList();
}
