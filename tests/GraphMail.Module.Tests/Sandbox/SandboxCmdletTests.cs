using System.Linq;
using System.Threading.Tasks;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Sandbox;

/// <summary>The sandbox cmdlets in a real runspace, against the sandbox the module ships (a child process each).</summary>
public sealed class SandboxCmdletTests
{
    private const string ConnectToStarted =
        "Connect-GraphMail -Sandbox $sandbox -TenantId contoso.com -ClientId 51c27551-41e7-4952-a996-08bd0bfb1752 -ClientSecret (ConvertTo-SecureString 'Sbx8Q~GraphMailSender.Secret-0001' -AsPlainText -Force) -DefaultFrom noreply@contoso.com";

    [Fact]
    public async Task StartMakesTheCurrentSandboxTheOthersDefaultToAndStopEndsIt()
    {
        using var shell = new ModuleRunspace();
        var started = shell.Run("$sandbox = Start-GraphMailSandbox -Verbose; $sandbox.ReadyLine; " + ConnectToStarted + "; Send-GraphMail -To ops@contoso.com -Subject 'to be cleared'; (Get-GraphMailSandboxMessage).Subject").Succeeded();
        var readyLine = (string)started.Objects[0];
        using var control = new SandboxProcessClient(readyLine);
        try
        {
            Assert.Equal("to be cleared", started.Objects[1]);
            Assert.Contains(started.Verbose, v => v.Message.StartsWith("GraphMail.Sandbox is running as process ", System.StringComparison.Ordinal));

            shell.Run("Clear-GraphMailSandboxMessage; Add-GraphMailSandboxFault -Route SENDMAIL -Kind throttle -Count 2 -RetryAfterSeconds 5").Succeeded();

            Assert.Empty(shell.Run("Get-GraphMailSandboxMessage").Succeeded().Output);
            var fault = Assert.Single((await control.GetAsync("faults")).EnumerateArray());
            Assert.Equal(("sendMail", "throttle", 2, 5), (fault.GetProperty("route").GetString(), fault.GetProperty("kind").GetString(), fault.GetProperty("count").GetInt32(), fault.GetProperty("retryAfterSeconds").GetInt32()));

            shell.Run("Clear-GraphMailSandboxFault").Succeeded();

            Assert.Equal(0, (await control.GetAsync("faults")).GetArrayLength());
        }
        finally
        {
            shell.Run("Disconnect-GraphMail; Stop-GraphMailSandbox").Succeeded();
        }

        var after = shell.Run("(Get-Process -Id $sandbox.ProcessId -ErrorAction SilentlyContinue).Count; Test-Path -LiteralPath $sandbox.ConnectionFile; Get-GraphMailSandboxMessage");
        Assert.Equal([0, false], after.Objects.Take(2).Select(o => o is int i ? (object)i : o));
        Assert.Equal("SandboxNotStarted,GraphMail.Commands.GetGraphMailSandboxMessageCommand", after.SingleError().FullyQualifiedErrorId);
        Assert.Contains("Start-GraphMailSandbox", after.SingleError().ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void StopWithASandboxStopsThatOneAndKeepsTheCurrentOne()
    {
        using var shell = new ModuleRunspace();

        var run = shell.Run("""
            $other = Start-GraphMailSandbox
            $current = Start-GraphMailSandbox
            $other | Stop-GraphMailSandbox
            (Get-Process -Id $other.ProcessId -ErrorAction SilentlyContinue).Count
            (Get-Process -Id $current.ProcessId).HasExited
            @(Get-GraphMailSandboxMessage -ErrorAction Stop).Count
            Stop-GraphMailSandbox
            (Get-Process -Id $current.ProcessId -ErrorAction SilentlyContinue).Count
            """).Succeeded();

        Assert.Equal(["0", "False", "0", "0"], run.Objects.Select(o => o.ToString()));
    }

    [Fact]
    public async Task AddFaultAsksForOneRequestUnlessToldACountOrARatio()
    {
        using var shell = new ModuleRunspace();
        var readyLine = (string)Assert.Single(shell.Run("(Start-GraphMailSandbox).ReadyLine").Succeeded().Objects);
        try
        {
            shell.Run("Add-GraphMailSandboxFault sendMail unavailable; Add-GraphMailSandboxFault -Route send -Kind latency -Ratio 0.5 -LatencyMs 40").Succeeded();

            using var control = new SandboxProcessClient(readyLine);
            var faults = (await control.GetAsync("faults")).EnumerateArray().ToList();
            Assert.Equal(2, faults.Count);
            Assert.Equal(("sendMail", "unavailable", 1), (faults[0].GetProperty("route").GetString(), faults[0].GetProperty("kind").GetString(), faults[0].GetProperty("count").GetInt32()));
            Assert.Equal(("send", "latency", 0.5, 40), (faults[1].GetProperty("route").GetString(), faults[1].GetProperty("kind").GetString(), faults[1].GetProperty("ratio").GetDouble(), faults[1].GetProperty("latencyMs").GetInt32()));
            Assert.True(!faults[1].TryGetProperty("count", out var count) || count.ValueKind == System.Text.Json.JsonValueKind.Null, "a ratio fault has no count");
        }
        finally
        {
            shell.Run("Stop-GraphMailSandbox").Succeeded();
        }
    }
}
