using System;
using System.IO;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Binding;

/// <summary>
/// File paths the other cmdlets take (-CertificatePath, -SeedPath, a sandbox connection file), in a real runspace:
/// a path on another provider (env:, variable:) is refused by name before anything is read, written or sent, instead
/// of becoming a file of that name in the process's folder.
/// </summary>
public sealed class ProviderPathTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public ProviderPathTests(SandboxFixture sandbox) => _sandbox = sandbox;

    private static void AssertRefused(ScriptRun run, string parameter, string path)
    {
        var error = run.Terminating ?? Assert.Single(run.Errors);
        Assert.StartsWith("PathNotOnFileSystem,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(path, error.TargetObject);
        Assert.Contains($"-{parameter} '{path}' cannot be used", error.Exception.Message);
        Assert.Contains("Environment provider", error.Exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(Path.Combine(Environment.CurrentDirectory, "GRAPHMAIL_PROVIDER_PATH_TEST")));
    }

    [Fact]
    public void ConnectRefusesACertificatePathOnTheEnvironmentProvider()
    {
        using var shell = new ModuleRunspace();
        var variables = _sandbox.SenderVariables();
        var run = shell.Run(
            "Connect-GraphMail -Sandbox $SandboxReadyLine -TenantId $TenantId -ClientId $ClientId -CertificatePath env:GRAPHMAIL_PROVIDER_PATH_TEST",
            variables);

        AssertRefused(run, "CertificatePath", "env:GRAPHMAIL_PROVIDER_PATH_TEST");
    }

    [Fact]
    public void ConnectRefusesASandboxConnectionFileOnTheEnvironmentProvider()
    {
        using var shell = new ModuleRunspace();
        var run = shell.Run(
            "Connect-GraphMail -Sandbox env:GRAPHMAIL_PROVIDER_PATH_TEST -TenantId $TenantId -ClientId $ClientId -ClientSecret $ClientSecret",
            _sandbox.SenderVariables());

        AssertRefused(run, "Sandbox", "env:GRAPHMAIL_PROVIDER_PATH_TEST");
    }

    [Fact]
    public void StartGraphMailSandboxRefusesASeedPathOnTheEnvironmentProvider()
    {
        using var shell = new ModuleRunspace();
        var run = shell.Run("Start-GraphMailSandbox -SeedPath env:GRAPHMAIL_PROVIDER_PATH_TEST");

        AssertRefused(run, "SeedPath", "env:GRAPHMAIL_PROVIDER_PATH_TEST");
    }
}
