using System;
using System.IO;
using System.Text.RegularExpressions;

namespace GraphMail.Bench;

/// <summary>The repository, the built module and the child programs, seen from the harness's build output.</summary>
public static class BenchPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>out/GraphMail/&lt;version&gt;/, laid out by building the module.</summary>
    public static string ModuleDirectory
    {
        get
        {
            var version = Regex.Match(File.ReadAllText(Path.Combine(Root, "GraphMail.psd1")), @"ModuleVersion\s*=\s*'([^']+)'").Groups[1].Value;
            var directory = Path.Combine(Root, "out", "GraphMail", version);
            Required(Path.Combine(directory, "bin", "net8.0", "GraphMail.dll"), "the module");
            return directory;
        }
    }

    public static string ModuleHost => Child("GraphMail.Bench.ModuleHost");

    public static string MinimalSender => Child("GraphMail.Bench.MinimalSender");

    /// <summary>The standalone sandbox, copied next to the harness by its project reference.</summary>
    public static string Sandbox => Required(Path.Combine(AppContext.BaseDirectory, "GraphMail.Sandbox.dll"), "the sandbox");

    public static string Harness => typeof(BenchPaths).Assembly.Location;

    /// <summary>How a framework-dependent child program is started.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    // bench/GraphMail.Bench/bin/<Configuration>/net10.0/ → bench/<name>/bin/<Configuration>/net8.0/<name>.dll
    private static string Child(string name)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return Required(Path.Combine(Root, "bench", name, "bin", configuration, "net8.0", name + ".dll"), name);
    }

    private static string Required(string path, string what) =>
        File.Exists(path) ? path : throw new InvalidOperationException($"{what} is not built at {path}; run the harness with dotnet run -c Release --project bench/GraphMail.Bench.");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GraphMail.psd1")) && File.Exists(Path.Combine(directory.FullName, "GraphMailModule.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root above " + AppContext.BaseDirectory);
    }
}
