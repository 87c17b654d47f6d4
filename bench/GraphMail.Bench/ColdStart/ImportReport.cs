using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace GraphMail.Bench.ColdStart;

/// <summary>An assembly in the module host, the load context that holds it, and the phase that loaded it (import, connect, send; host: before).</summary>
public sealed record HostAssembly(string Name, string? Context, string Phase, string? Location);

/// <summary>What the module host had loaded after its first send, by phase: the import benchmark's answer.</summary>
public sealed class ImportReport
{
    private static readonly string[] GraphMailOwn = { "GraphMail", "GraphMail.Shared" };

    // The host's stand-in for PowerShell's own assembly, which a PowerShell session has loaded before any import.
    private const string PowerShell = "System.Management.Automation";

    // .../shared/Microsoft.NETCore.App/<version>/ → .../shared/: the framework, whichever shared framework it is.
    private static readonly string SharedFrameworks = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", ".."));

    public ImportReport(IReadOnlyList<HostAssembly> assemblies) => Assemblies = assemblies;

    public IReadOnlyList<HostAssembly> Assemblies { get; }

    /// <summary>Loaded by the import (LoadFrom, the import hook, PowerShell's reflection over the cmdlets) beyond .NET and PowerShell.</summary>
    public IReadOnlyList<HostAssembly> ImportLoaded => Assemblies.Where(a => a.Phase == "import" && !IsFramework(a) && a.Name != PowerShell).ToList();

    /// <summary>True when the import loaded GraphMail's own assemblies and nothing else (the framework aside).</summary>
    public bool ImportLoadsOnlyGraphMail => ImportLoaded.All(a => GraphMailOwn.Contains(a.Name));

    public IReadOnlyList<HostAssembly> FrameworkLoadedByImport => Assemblies.Where(a => a.Phase == "import" && IsFramework(a)).ToList();

    /// <summary>The first phase that loaded an assembly whose name starts with <paramref name="prefix"/>, or null when none was loaded.</summary>
    public string? FirstLoad(string prefix) =>
        new[] { "host", "import", "connect", "send" }.FirstOrDefault(phase => Assemblies.Any(a => a.Phase == phase && a.Name.StartsWith(prefix, StringComparison.Ordinal)));

    public static ImportReport Parse(string json) =>
        new(JsonSerializer.Deserialize<List<Dictionary<string, string?>>>(json)!
            .Select(a => new HostAssembly(a["name"]!, a["context"], a["phase"]!, a["location"]))
            .ToList());

    private static bool IsFramework(HostAssembly assembly) =>
        assembly.Location is { Length: > 0 } location && location.StartsWith(SharedFrameworks, StringComparison.Ordinal);
}
