using System;
using System.Management.Automation;
using System.Threading.Tasks;
using GraphMail.Module.Tests.Infrastructure;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Module.Tests.Behaviour;

/// <summary>
/// PowerShell.Stop() (Ctrl+C) while a cmdlet waits on the network: the run ends with the pipeline stopped, and the
/// runspace is usable afterwards. A send already on the wire finishes with its result (the dispatcher never abandons
/// one), so for those the held request is let go as the stop begins. The minute-long bound only turns a hang into a failure.
/// </summary>
public sealed class StopTests : IClassFixture<SandboxFixture>
{
    private static readonly TimeSpan HangBound = TimeSpan.FromMinutes(1);
    private readonly SandboxFixture _sandbox;

    public StopTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    private async Task<(ScriptRun Stopped, ScriptRun After)> StopWhileHeldAsync(string route, string script, string after, bool connect, bool releaseOnStop = false)
    {
        using var shell = new ModuleRunspace();
        if (connect)
        {
            shell.Run(SandboxFixture.ConnectSender, _sandbox.SenderVariables()).Succeeded();
        }

        ScriptRun stopped;
        using (var pause = _sandbox.Control.PauseRoute(route))
        {
            stopped = await shell.RunAndStopAsync(script, pause.WaitForArrivalsAsync(1), _sandbox.SenderVariables(), releaseOnStop ? pause.Dispose : null).WaitAsync(HangBound);
        }

        return (stopped, shell.Run(after, _sandbox.SenderVariables()));
    }

    [Fact]
    public async Task StoppingSendGraphMailMidPipelineEndsTheRun()
    {
        var (stopped, after) = await StopWhileHeldAsync(
            RouteNames.SendMail,
            "1..20 | ForEach-Object { [pscustomobject]@{ To = \"r$_@example.com\"; Subject = \"Stop $_\" } } | Send-GraphMail -PassThru; 'after the pipeline'",
            "(Get-GraphMailConnection).ClientId",
            connect: true,
            releaseOnStop: true);

        Assert.IsType<PipelineStoppedException>(stopped.TerminatingException);
        Assert.DoesNotContain("after the pipeline", stopped.Objects);
        Assert.True(_sandbox.Control.GetMessages().Count < 20, "the stop did not stop the pipeline");
        Assert.Equal(SandboxDefaults.SenderAppId, Assert.Single(after.Succeeded().Objects));
    }

    [Fact]
    public async Task StoppingConnectGraphMailLeavesTheSessionUnconnected()
    {
        var (stopped, after) = await StopWhileHeldAsync(RouteNames.Token, SandboxFixture.ConnectSender, "Get-GraphMailConnection", connect: false);

        Assert.IsType<PipelineStoppedException>(stopped.TerminatingException);
        Assert.Empty(after.Succeeded().Output);
    }

    [Fact]
    public async Task StoppingTestGraphMailSetupEndsTheRun()
    {
        var (stopped, after) = await StopWhileHeldAsync(RouteNames.SendMail, "Test-GraphMailSetup -Mailbox noreply@contoso.com -WarningAction SilentlyContinue", "(Get-GraphMailConnection).ClientId", connect: true, releaseOnStop: true);

        Assert.IsType<PipelineStoppedException>(stopped.TerminatingException);
        Assert.Equal(SandboxDefaults.SenderAppId, Assert.Single(after.Succeeded().Objects));
    }

    [Fact]
    public async Task StoppingGetGraphMailConsentUrlDuringTheTenantLookupEndsTheRun()
    {
        var (stopped, _) = await StopWhileHeldAsync(RouteNames.OpenId, "Get-GraphMailConsentUrl -ClientId 51c27551-41e7-4952-a996-08bd0bfb1752 -Tenant contoso.com -Sandbox $SandboxReadyLine", "'ok'", connect: false);

        Assert.IsType<PipelineStoppedException>(stopped.TerminatingException);
        Assert.Empty(stopped.Output);
    }
}
