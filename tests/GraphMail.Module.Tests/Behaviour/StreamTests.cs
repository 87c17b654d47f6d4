using System.Linq;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Behaviour;

/// <summary>What the cmdlets write to the verbose and warning streams, and that -WarningAction and -WarningVariable work on them.</summary>
public sealed class StreamTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public StreamTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    private ScriptRun Run(string script, bool connect = true)
    {
        using var shell = new ModuleRunspace();
        return shell.Run((connect ? SandboxFixture.ConnectSender + "\n" : string.Empty) + script, _sandbox.SenderVariables());
    }

    [Fact]
    public void ConnectVerboseDescribesTheRequestAndTheConnectionWithoutTheSecret()
    {
        var run = Run(SandboxFixture.ConnectSender + " -Verbose", connect: false).Succeeded();

        var verbose = run.Verbose.Select(v => v.Message).ToList();
        Assert.Contains(verbose, v => v.Contains("contoso.com") && v.Contains(SandboxDefaults.SenderAppId) && v.Contains("ClientSecret"));
        Assert.Contains(verbose, v => v.StartsWith("Connected: ", System.StringComparison.Ordinal));
        Assert.DoesNotContain(SandboxDefaults.SenderSecret, run.AllText());
    }

    [Fact]
    public void SendVerboseWritesOneLinePerMessageWithItsMessageId()
    {
        var run = Run("'one', 'two' | ForEach-Object { [pscustomobject]@{ To = 'ops@contoso.com'; Subject = $_ } } | Send-GraphMail -PassThru -Verbose").Succeeded();

        Assert.Equal(2, run.Output.Count);
        foreach (var result in run.Output)
        {
            var id = (string)result.Property("InternetMessageId")!;
            Assert.Single(run.Verbose, v => v.Message.Contains(id, System.StringComparison.Ordinal));
        }
    }

    [Fact]
    public void GetConnectionWithoutOneWritesNothingButAVerboseLine()
    {
        var run = Run("Get-GraphMailConnection -Verbose", connect: false).Succeeded();

        Assert.Empty(run.Output);
        Assert.Equal(["Not connected. Run Connect-GraphMail first."], run.Verbose.Select(v => v.Message));
    }

    [Fact]
    public void SendWarnsOnceThatTheSmtpParametersAreIgnored()
    {
        var run = Run("Send-GraphMail -To ops@contoso.com -Subject 'SMTP' -SmtpServer smtp.contoso.com -Port 587 -UseSsl").Succeeded();

        Assert.Single(run.Warnings);
        Assert.Single(_sandbox.Control.GetMessages());
    }

    [Fact]
    public void WarningActionAndWarningVariableApply()
    {
        var run = Run("Send-GraphMail -To ops@contoso.com -Subject 'SMTP' -SmtpServer smtp.contoso.com -WarningAction SilentlyContinue -WarningVariable caught; $caught.Count").Succeeded();

        Assert.Empty(run.Warnings);
        Assert.Equal(1, Assert.Single(run.Objects));
    }

    [Fact]
    public void DisconnectAndStopWithNothingToDoOnlyWarn()
    {
        var run = Run("Disconnect-GraphMail; Stop-GraphMailSandbox", connect: false).Succeeded();

        Assert.Equal(
            ["Not connected to GraphMail in this session; nothing to disconnect.", "No GraphMail.Sandbox was started in this session; nothing to stop."],
            run.Warnings.Select(w => w.Message));
    }

    [Fact]
    public void ConnectWarnsWhenTheTokenCarriesNoApplicationPermission()
    {
        var run = Run("Connect-GraphMail -Sandbox $SandboxReadyLine -TenantId contoso.com -ClientId 496c0d13-47bb-44aa-b10b-4ce402cb1d21 -ClientSecret (ConvertTo-SecureString 'Sbx8Q~Unconsented.Secret-0002' -AsPlainText -Force)", connect: false).Succeeded();

        Assert.Contains("Get-GraphMailConsentUrl", Assert.Single(run.Warnings).Message);
    }
}
