using System.Collections;
using System.Linq;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Applications;

/// <summary>Test-GraphMailSetup with an administrator signed in reads the app in the directory: missing consent, expired credentials, and all well.</summary>
[Collection(ApplicationCollection.Name)]
public sealed class SetupRegistrationTests
{
    private const string UnconsentedAppId = "496c0d13-47bb-44aa-b10b-4ce402cb1d21";
    private const string UnconsentedSecret = "Sbx8Q~Unconsented.Secret-0002";
    private const string ExpiredAppId = "82e23bf3-c80d-4e5c-a4d5-de91de9b757e";
    private const string ExpiredSecret = "Sbx8Q~Expired.Secret-0003";
    private readonly SandboxFixture _sandbox;

    public SetupRegistrationTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
        _sandbox.Control.UpdateSettings(s => s with { DeviceCodeApprover = SandboxDefaults.Admin });
    }

    [Fact]
    public void Without_an_admin_the_check_is_skipped_and_says_how_to_add_it()
    {
        using var shell = new ModuleRunspace();

        var run = shell.Run(SandboxFixture.ConnectSender + "\nTest-GraphMailSetup", _sandbox.SenderVariables());

        var registration = Check(run, "Registration");
        Assert.Equal("Skipped", ApplicationLifecycleTests.Text(registration, "Status"));
        Assert.Contains("Connect-GraphMailAdmin -TenantId contoso.com", ApplicationLifecycleTests.Text(registration, "Detail"));
    }

    [Fact]
    public void With_an_admin_it_names_missing_consent_and_expired_credentials_with_their_fix_and_passes_a_good_app()
    {
        using var shell = new ModuleRunspace();
        var variables = new Hashtable
        {
            ["SandboxReadyLine"] = _sandbox.ReadyLine,
            ["Unconsented"] = SandboxDefaults.Secure(UnconsentedSecret),
            ["Expired"] = SandboxDefaults.Secure(ExpiredSecret),
            ["Sender"] = SandboxDefaults.Secure(SandboxDefaults.SenderSecret),
        };

        var run = shell.Run($$"""
            Connect-GraphMailAdmin -TenantId contoso.com -Sandbox $SandboxReadyLine -WarningAction SilentlyContinue
            Test-GraphMailSetup -Sandbox $SandboxReadyLine -TenantId contoso.com -ClientId {{UnconsentedAppId}} -ClientSecret $Unconsented -Mailbox noreply@contoso.com
            '--'
            Test-GraphMailSetup -Sandbox $SandboxReadyLine -TenantId contoso.com -ClientId {{ExpiredAppId}} -ClientSecret $Expired -Mailbox noreply@contoso.com
            '--'
            Test-GraphMailSetup -Sandbox $SandboxReadyLine -TenantId contoso.com -ClientId {{SandboxDefaults.SenderAppId}} -ClientSecret $Sender -Mailbox noreply@contoso.com
            """, variables);

        Assert.Empty(run.AllErrors);
        var runs = Split(run);
        // Without Exchange's view, missing consent is a warning (an RBAC-scoped app has none, rightly); Graph's answer fails Permissions.
        var unconsented = Check(runs[0], "Registration");
        Assert.Equal("Warning", ApplicationLifecycleTests.Text(unconsented, "Status"));
        Assert.Contains("Admin consent is missing", ApplicationLifecycleTests.Text(unconsented, "Detail"));
        Assert.StartsWith("If no Exchange RBAC role is meant to grant Mail.Send: New-GraphMailApplication -DisplayName 'GraphMail Unconsented'", ApplicationLifecycleTests.Text(unconsented, "Remedy"));
        Assert.Equal("Passed", ApplicationLifecycleTests.Text(Check(runs[0], "Credential"), "Status"));
        Assert.Equal("Failed", ApplicationLifecycleTests.Text(Check(runs[0], "Permissions"), "Status"));

        var expired = Check(runs[1], "Registration");
        Assert.Equal("Failed", ApplicationLifecycleTests.Text(expired, "Status"));
        Assert.Contains("Every credential", ApplicationLifecycleTests.Text(expired, "Detail"));
        Assert.Contains("2024-01-01", ApplicationLifecycleTests.Text(expired, "Detail"));
        Assert.Contains("-RotateCredential", ApplicationLifecycleTests.Text(expired, "Remedy"));

        var good = Check(runs[2], "Registration");
        Assert.Equal("Passed", ApplicationLifecycleTests.Text(good, "Status"));
        Assert.Contains("Mail.Send admin consent", ApplicationLifecycleTests.Text(good, "Detail"));
    }

    [Fact]
    public void With_an_admin_an_app_scoped_by_Exchange_RBAC_and_no_consent_is_ready()
    {
        using var shell = new ModuleRunspace();
        var variables = new Hashtable { ["SandboxReadyLine"] = _sandbox.ReadyLine, ["Rbac"] = SandboxDefaults.Secure("Sbx8Q~Rbac.Secret-0006") };

        var run = shell.Run(
            "Connect-GraphMailAdmin -TenantId contoso.com -Sandbox $SandboxReadyLine -WarningAction SilentlyContinue\n" +
            "Test-GraphMailSetup -Sandbox $SandboxReadyLine -TenantId contoso.com -ClientId 3cb20295-e57a-43ec-a690-ab434012aec1 -ClientSecret $Rbac -Mailbox noreply@contoso.com -OutOfScopeMailbox ceo@contoso.com",
            variables);

        Assert.Empty(run.AllErrors);
        Assert.NotEqual("Failed", ApplicationLifecycleTests.Text(Check(run, "Registration"), "Status"));
        Assert.Equal("Passed", ApplicationLifecycleTests.Text(Check(run, "Scoping"), "Status"));
        var summary = Assert.Single(run.Output, o => o.TypeNames.Contains("GraphMail.SetupSummary"));
        Assert.True((bool)summary.Properties["Ready"].Value);
    }

    private static System.Management.Automation.PSObject Check(ScriptRun run, string name) =>
        Assert.Single(run.Output, o => o.TypeNames.Contains("GraphMail.SetupCheckResult") && ApplicationLifecycleTests.Text(o, "Check") == name);

    private static ScriptRun[] Split(ScriptRun run)
    {
        var parts = new[] { new System.Collections.Generic.List<System.Management.Automation.PSObject>() }.ToList();
        foreach (var item in run.Output)
        {
            if (item.BaseObject is "--")
            {
                parts.Add([]);
            }
            else
            {
                parts[^1].Add(item);
            }
        }

        return parts.Select(p => new ScriptRun { Output = p, Errors = [], Warnings = [], Verbose = [], Information = [] }).ToArray();
    }
}
