using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GraphMail.Bench;

/// <summary>The repository, the built module, the scripts and the pinned pwsh, seen from the harness's build output.</summary>
public static class BenchPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// out/GraphMail/&lt;version&gt;/GraphMail.psd1, laid out by building the module; GRAPHMAIL_BENCH_MODULE points at another
    /// build's manifest (an earlier commit's, to measure before and after on the same machine at the same time).
    /// </summary>
    public static string ModuleManifest
    {
        get
        {
            if (Environment.GetEnvironmentVariable("GRAPHMAIL_BENCH_MODULE") is { Length: > 0 } given)
            {
                return Required(Path.GetFullPath(given), "the module named by GRAPHMAIL_BENCH_MODULE");
            }

            var version = Regex.Match(File.ReadAllText(Path.Combine(Root, "GraphMail.psd1")), @"ModuleVersion\s*=\s*'([^']+)'").Groups[1].Value;
            return Required(Path.Combine(Root, "out", "GraphMail", version, "GraphMail.psd1"), "the module");
        }
    }

    /// <summary>The import benchmark's one-cmdlet module, built next to the harness by its project reference.</summary>
    public static string MinimalModuleManifest
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            return Required(Path.Combine(Root, "bench", "GraphMail.Bench.MinimalModule", "bin", configuration, "net8.0", "MinimalModule.psd1"), "the minimal module");
        }
    }

    public static string Script(string name) => Required(Path.Combine(Root, "bench", "scripts", name), "the script");

    /// <summary>The standalone sandbox, copied next to the harness by its project reference.</summary>
    public static string Sandbox => Required(Path.Combine(AppContext.BaseDirectory, "GraphMail.Sandbox.dll"), "the sandbox");

    public static string SandboxDefaultSeed => Required(Path.Combine(AppContext.BaseDirectory, "Seed", "default.json"), "the sandbox's default seed");

    /// <summary>How a framework-dependent child program (the sandbox) is started.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>
    /// The pwsh of `dotnet tool restore` (.config/dotnet-tools.json), started directly so the dotnet muxer's own start
    /// is not timed: &lt;NuGet packages&gt;/powershell/&lt;version&gt;/tools/&lt;tfm&gt;/any/&lt;unix|win&gt;/pwsh. GRAPHMAIL_BENCH_PWSH overrides it.
    /// </summary>
    public static string Pwsh { get; } = FindPwsh();

    private static string FindPwsh()
    {
        if (Environment.GetEnvironmentVariable("GRAPHMAIL_BENCH_PWSH") is { Length: > 0 } given)
        {
            return Required(given, "GRAPHMAIL_BENCH_PWSH");
        }

        var tools = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, ".config", "dotnet-tools.json")))!;
        var version = (string)tools["tools"]!["powershell"]!["version"]!;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var toolsDirectory = Path.Combine(packages, "powershell", version, "tools");
        var name = OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh";
        var found = Directory.Exists(toolsDirectory)
            ? Directory.EnumerateFiles(toolsDirectory, name, SearchOption.AllDirectories)
                .FirstOrDefault(p => Path.GetFileName(Path.GetDirectoryName(p)) == (OperatingSystem.IsWindows() ? "win" : "unix"))
            : null;
        return found ?? throw new InvalidOperationException($"pwsh {version} is not in {toolsDirectory}; run dotnet tool restore first.");
    }

    private static string Required(string path, string what) =>
        File.Exists(path) ? path : throw new InvalidOperationException($"{what} is not at {path}; build with dotnet run -c Release --project bench/GraphMail.Bench.");

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
