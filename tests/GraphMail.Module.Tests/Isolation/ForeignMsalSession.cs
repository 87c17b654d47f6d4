using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Isolation;

/// <summary>One assembly a session had loaded, and the load context that held it.</summary>
public sealed record LoadedAssembly(string Name, string Version, string Context, string? Location);

/// <summary>
/// One run of ForeignMsalSession.ps1 in a child pwsh (MSAL 4.61.3 preloaded, then GraphMail imported, connected to
/// the in-process sandbox, one message sent), shared by the tests of a class.
/// </summary>
public sealed class ForeignMsalSession : IAsyncLifetime
{
    private readonly SandboxFixture _sandbox = new();

    public string Subject { get; } = "isolation " + Guid.NewGuid();

    public SandboxFixture Sandbox => _sandbox;

    public string PreloadedMsal { get; private set; } = string.Empty;

    public bool ForeignStillWorks { get; private set; }

    public string Status { get; private set; } = string.Empty;

    public IReadOnlyList<LoadedAssembly> AfterImport { get; private set; } = [];

    public IReadOnlyList<LoadedAssembly> AfterConnect { get; private set; } = [];

    public IReadOnlyList<LoadedAssembly> AfterSend { get; private set; } = [];

    /// <summary>bin/net8.0/deps of the built module: what must load only in GraphMail's context.</summary>
    public static string Deps => Path.Combine(BuiltModule.Directory, "bin", "net8.0", "deps");

    public async Task InitializeAsync()
    {
        await _sandbox.InitializeAsync();
        var json = await ChildPowerShell.RunFileAsync(
            Path.Combine(AppContext.BaseDirectory, "Isolation", "ForeignMsalSession.ps1"),
            Path.Combine(AppContext.BaseDirectory, "ForeignMsal"),
            BuiltModule.Manifest,
            _sandbox.ReadyLine,
            Subject);
        using var report = JsonDocument.Parse(json);
        var root = report.RootElement;
        PreloadedMsal = root.GetProperty("preloadedMsal").GetString()!;
        ForeignStillWorks = root.GetProperty("foreignStillWorks").GetBoolean();
        Status = root.GetProperty("status").GetString()!;
        AfterImport = Assemblies(root, "afterImport");
        AfterConnect = Assemblies(root, "afterConnect");
        AfterSend = Assemblies(root, "afterSend");
    }

    public Task DisposeAsync() => _sandbox.DisposeAsync();

    private static List<LoadedAssembly> Assemblies(JsonElement root, string property) =>
        root.GetProperty(property).EnumerateArray()
            .Select(a => new LoadedAssembly(
                a.GetProperty("name").GetString()!,
                a.GetProperty("version").GetString()!,
                a.GetProperty("context").GetString()!,
                a.GetProperty("location").GetString()))
            .ToList();
}
