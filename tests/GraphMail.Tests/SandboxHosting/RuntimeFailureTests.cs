using System;
using System.Runtime.Versioning;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.SandboxHosting.Launching;
using GraphMail.Tests.Connections.Support;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.SandboxHosting;

/// <summary>What users without the runtime the sandbox needs, or with a broken one, are told.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class RuntimeFailureTests : IDisposable
{
    private readonly StandInHosts _hosts = new();

    public void Dispose() => _hosts.Dispose();

    [Fact]
    public async Task No_dotnet_anywhere_says_to_install_the_AspNetCore_runtime()
    {
        var nowhere = new DictionaryVariables { ["PATH"] = _hosts.Folder, ["DOTNET_ROOT"] = _hosts.Folder };

        var error = await Assert.ThrowsAsync<GraphMailException>(() => SandboxLauncher.StartAsync(ModuleSandbox.Request(), nowhere, TestTimeout.Token));

        Assert.Equal((ErrorIds.SandboxDotnetNotFound, GraphMailErrorKind.ObjectNotFound), (error.ErrorId, error.Kind));
        Assert.Contains("DOTNET_HOST_PATH, DOTNET_ROOT or PATH", error.Cause);
        Assert.Contains("ASP.NET Core Runtime 8.0 or later", error.Fix);
        Assert.Contains("https://dotnet.microsoft.com/download/dotnet/8.0", error.Fix);
    }

    [UnixFact]
    public async Task A_dotnet_without_AspNetCore_is_named_with_the_runtime_to_install()
    {
        var dotnet = _hosts.DotnetWithoutAspNetCore();

        var error = await Assert.ThrowsAsync<GraphMailException>(() => SandboxLauncher.StartAsync(ModuleSandbox.Request(), StandInHosts.Using(dotnet), TestTimeout.Token));

        Assert.Equal((ErrorIds.SandboxAspNetCoreMissing, GraphMailErrorKind.ResourceUnavailable), (error.ErrorId, error.Kind));
        Assert.Equal($"GraphMail.Sandbox needs the ASP.NET Core Runtime 8.0 or later, which the .NET at '{dotnet}' does not have (PowerShell does not include it).", error.Cause);
        Assert.Equal("Install the ASP.NET Core Runtime 8.0 or later from https://dotnet.microsoft.com/download/dotnet/8.0, then run Start-GraphMailSandbox again.", error.Fix);
    }

    [UnixFact]
    public async Task A_host_that_is_not_executable_is_reported_as_such()
    {
        var notExecutable = _hosts.Script("dotnet", "exit 0");
        System.IO.File.SetUnixFileMode(notExecutable, System.IO.UnixFileMode.UserRead);

        var error = await Assert.ThrowsAsync<GraphMailException>(() => SandboxLauncher.StartAsync(ModuleSandbox.Request(), StandInHosts.Using(notExecutable), TestTimeout.Token));

        Assert.Equal(ErrorIds.SandboxDotnetNotFound, error.ErrorId);
        Assert.Contains($"'{notExecutable}' could not be run", error.Cause);
    }

    [UnixFact]
    public async Task A_sandbox_silent_past_the_time_limit_is_stopped_and_reported()
    {
        var silent = _hosts.Script("silent", "exec sleep 600");
        var request = ModuleSandbox.Request(r => r.ReadyTimeout = TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<GraphMailException>(() => SandboxLauncher.StartAsync(request, StandInHosts.Using(silent), TestTimeout.Token));

        Assert.Equal((ErrorIds.SandboxStartTimeout, GraphMailErrorKind.OperationTimeout), (error.ErrorId, error.Kind));
        Assert.Contains("did not print its ready line within 0.2 seconds", error.Cause);
    }

    [UnixFact]
    public async Task Stopping_the_command_while_the_sandbox_starts_cancels_the_start()
    {
        var silent = _hosts.Script("silent", "exec sleep 600");
        using var stopped = new CancellationTokenSource();
        stopped.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SandboxLauncher.StartAsync(ModuleSandbox.Request(), StandInHosts.Using(silent), stopped.Token));
    }

    [UnixFact]
    public async Task Output_that_is_not_a_ready_line_is_quoted()
    {
        var chatty = _hosts.Script("chatty", "echo 'Welcome to a different program'; exec sleep 600");

        var error = await Assert.ThrowsAsync<GraphMailException>(() => SandboxLauncher.StartAsync(ModuleSandbox.Request(), StandInHosts.Using(chatty), TestTimeout.Token));

        Assert.Equal((ErrorIds.SandboxStartFailed, GraphMailErrorKind.InvalidData), (error.ErrorId, error.Kind));
        Assert.Contains("'Welcome to a different program'", error.Cause);
    }

    [UnixFact]
    public async Task An_early_exit_quotes_the_first_line_of_stderr_and_the_exit_code()
    {
        var crashing = _hosts.Script("crashing", "echo 'Segmentation fault' >&2; echo 'more detail' >&2; exit 139");

        var error = await Assert.ThrowsAsync<GraphMailException>(() => SandboxLauncher.StartAsync(ModuleSandbox.Request(), StandInHosts.Using(crashing), TestTimeout.Token));

        Assert.Equal(ErrorIds.SandboxStartFailed, error.ErrorId);
        Assert.Equal("GraphMail.Sandbox exited with code 139 before it was ready: Segmentation fault", error.Cause);
    }
}
