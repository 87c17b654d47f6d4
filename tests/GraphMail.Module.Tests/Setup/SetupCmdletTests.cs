using System.Linq;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Setup;

/// <summary>Test-GraphMailSetup in a real runspace: it tests with its own credentials and leaves the runspace's connection alone.</summary>
public sealed class SetupCmdletTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public SetupCmdletTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    [Fact]
    public void TheCmdletTestsWithItsOwnConnectionAndLeavesTheRunspacesAlone()
    {
        using var shell = new ModuleRunspace();
        var variables = _sandbox.SenderVariables();
        variables["UnscopedId"] = SandboxDefaults.UnscopedAppId;
        variables["UnscopedSecret"] = SandboxDefaults.UnscopedSecret;

        var run = shell.Run(SandboxFixture.ConnectSender + """

            Test-GraphMailSetup -Sandbox $SandboxReadyLine -TenantId contoso.com -ClientId $UnscopedId -ClientSecret (ConvertTo-SecureString $UnscopedSecret -AsPlainText -Force) -Mailbox noreply@contoso.com -OutOfScopeMailbox ceo@contoso.com -WarningAction SilentlyContinue
            (Get-GraphMailConnection).ClientId
            """, variables).Succeeded();

        Assert.Equal(SandboxDefaults.SenderAppId, run.Objects[^1]);
        var summary = run.Output[^2];
        Assert.Equal("GraphMail.SetupSummary", summary.BaseObject.GetType().FullName);
        Assert.Equal(false, summary.Property("Ready")); // the unscoped app can send as anyone: Scoping fails
        Assert.All(_sandbox.Control.GetRequests().Where(r => r.Route == "sendMail"), r => Assert.Equal(SandboxDefaults.UnscopedAppId, r.AppId));
    }

    [Fact]
    public void QuietWritesOnlyTheVerdict()
    {
        using var shell = new ModuleRunspace();

        var run = shell.Run(SandboxFixture.ConnectSender + "\nTest-GraphMailSetup -OutOfScopeMailbox ceo@contoso.com -Quiet -WarningAction SilentlyContinue", _sandbox.SenderVariables()).Succeeded();

        Assert.Equal(true, Assert.Single(run.Objects));
    }
}
