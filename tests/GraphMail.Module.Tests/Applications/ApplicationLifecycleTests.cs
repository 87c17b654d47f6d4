using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Applications;

/// <summary>
/// The admin's whole path in a real runspace against the sandbox, starting from nothing: register → wait for Entra ID
/// to replicate → Connect-GraphMail with the new credential → Test-GraphMailSetup → Send-GraphMail → Remove; and
/// New-GraphMailApplication run again completes what an interrupted run left.
/// </summary>
[Collection(ApplicationCollection.Name)]
public sealed class ApplicationLifecycleTests : IDisposable
{
    private readonly SandboxFixture _sandbox;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "graphmail-app-tests-" + Guid.NewGuid().ToString("N"));

    public ApplicationLifecycleTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
        _sandbox.Control.UpdateSettings(s => s with { DeviceCodeApprover = SandboxDefaults.Admin, ReplicationDelaySeconds = 0 });
        Directory.CreateDirectory(_directory);
    }

    [Fact]
    public async Task Register_wait_connect_test_send_and_remove_from_nothing()
    {
        _sandbox.Control.UpdateSettings(s => s with { ReplicationDelaySeconds = 3600 });
        using var shell = new ModuleRunspace();
        var variables = Variables("End to end " + Guid.NewGuid());
        variables["Subject"] = "from a new app " + Guid.NewGuid();

        var running = Task.Run(() => shell.Run("""
            Connect-GraphMailAdmin -TenantId contoso.com -Sandbox $SandboxReadyLine
            $app = New-GraphMailApplication -DisplayName $Name -CertificatePath $Pfx -CertificatePassword $Password
            $app
            $app | Connect-GraphMail -DefaultFrom noreply@contoso.com
            Test-GraphMailSetup -Mailbox noreply@contoso.com | Select-Object -Last 1
            Send-GraphMail -To ops@contoso.com -Subject $Subject -Body 'Sent by an app New-GraphMailApplication registered.' -PassThru
            $app | Remove-GraphMailApplication -Confirm:$false -PassThru
            """, variables));

        // The new app's first sign-ins are refused until Entra ID has replicated it: then replication completes.
        var refused = await _sandbox.Control.WaitForRequestAsync(r => r.Route == "token" && r.Status == 400 && r.AppId != SandboxDefaults.GraphCommandLineToolsId)
            .WaitAsync(TimeSpan.FromMinutes(2));
        _sandbox.Control.ReplicateDirectory();
        var run = await running.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Null(run.Terminating);
        Assert.Empty(run.Errors);
        var app = Single(run, "GraphMail.GraphMailApplication");
        var clientId = Text(app, "ClientId");
        Assert.Equal(refused.AppId, clientId);
        Assert.Equal(SandboxDefaults.TenantId, Text(app, "TenantId"));
        Assert.Equal(["Mail.Send"], ((IEnumerable)app.Properties["Permissions"].Value).Cast<object>().Select(p => p.ToString()));
        Assert.True((bool)app.Properties["SignInVerified"].Value);
        Assert.Equal(
            ["Application:Created", "ServicePrincipal:Created", "Consent:Created", "Certificate:Created", "SignIn:Verified"],
            Steps(app));
        Assert.True((bool)Single(run, "GraphMail.SetupSummary").Properties["Ready"].Value);
        Assert.Equal("Sent", Text(Single(run, "GraphMail.SendResult"), "Status"));
        var message = Assert.Single(_sandbox.Control.GetMessages());
        Assert.Equal((string)variables["Subject"]!, message.Subject);
        Assert.Equal(clientId, message.AppId);

        Assert.Equal(["ServicePrincipal:Removed", "Application:Removed", "Certificate:Removed"],
            run.Output.Where(o => o.TypeNames.Contains("GraphMail.GraphMailApplicationStep")).Select(s => Text(s, "Step") + ":" + Text(s, "Status")));
        Assert.DoesNotContain(_sandbox.Control.GetApplications(SandboxDefaults.TenantDomain), a => a.AppId == clientId);
        Assert.False(File.Exists((string)variables["Pfx"]!));

        var warning = Assert.Single(run.Warnings);
        Assert.Matches("enter the code [A-Z0-9]{9} to authenticate", warning.Message);
        Assert.DoesNotContain("pfx-password", run.AllText());
    }

    [Fact]
    public void Running_it_again_completes_what_an_interrupted_run_left_and_then_finds_everything()
    {
        using var shell = new ModuleRunspace();
        var variables = Variables("Idempotent " + Guid.NewGuid());
        const string script = "New-GraphMailApplication -DisplayName $Name -CertificatePath $Pfx -CertificatePassword $Password -TenantId contoso.com -Sandbox $SandboxReadyLine";

        // The consent step fails once: the app and its service principal are made, nothing else.
        _sandbox.Control.AddFault(new GraphMail.Sandbox.Faults.FaultSpec { Route = "grantAppRole", Kind = GraphMail.Sandbox.Faults.FaultKind.Unavailable });
        var interrupted = shell.Run(script, variables);
        var completed = shell.Run(script, variables);
        var again = shell.Run(script, variables);

        var stopped = Assert.Single(interrupted.AllErrors);
        Assert.Equal("DirectoryRequestFailed", stopped.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(variables["Name"], stopped.TargetObject);
        Assert.Contains("grant admin consent", stopped.Exception.Message);
        Assert.Empty(interrupted.Output);
        Assert.Empty(completed.AllErrors);
        var first = Single(completed, "GraphMail.GraphMailApplication");
        Assert.Equal(["Application:Found", "ServicePrincipal:Found", "Consent:Created", "Certificate:Created", "SignIn:Verified"], Steps(first));
        Assert.Empty(again.AllErrors);
        var second = Single(again, "GraphMail.GraphMailApplication");
        Assert.Equal(["Application:Found", "ServicePrincipal:Found", "Consent:Found", "Certificate:Found", "SignIn:Verified"], Steps(second));

        var registered = Assert.Single(_sandbox.Control.GetApplications(SandboxDefaults.TenantDomain), a => a.DisplayName == (string)variables["Name"]!);
        Assert.Equal(["Mail.Send"], registered.GrantedRoles);
        Assert.Equal(["Mail.Send"], registered.RequiredRoles);
        Assert.Equal(Text(first, "CertificateThumbprint"), Assert.Single(registered.CertificateThumbprints));
        Assert.Equal(Text(first, "ClientId"), Text(second, "ClientId"));
        Assert.Equal(registered.AppId, Text(second, "ClientId"));
    }

    [Fact]
    public async Task Stop_ends_the_wait_for_replication_at_once()
    {
        _sandbox.Control.UpdateSettings(s => s with { ReplicationDelaySeconds = 3600 });
        using var shell = new ModuleRunspace();
        var refused = _sandbox.Control.WaitForRequestAsync(r => r.Route == "token" && r.Status == 400 && r.AppId != SandboxDefaults.GraphCommandLineToolsId);

        var run = await shell.RunAndStopAsync(
            "New-GraphMailApplication -DisplayName $Name -CertificatePath $Pfx -CertificatePassword $Password -TenantId contoso.com -Sandbox $SandboxReadyLine",
            refused, Variables("Stopped " + Guid.NewGuid())).WaitAsync(TimeSpan.FromMinutes(1));

        // Without Stop() the command would go on signing in for its 300 s default bound.
        Assert.Empty(run.Output);
        Assert.Equal(new PipelineStoppedException().Message, run.Terminating?.Exception.Message);
        Assert.Empty(run.Errors);
    }

    internal static PSObject Single(ScriptRun run, string typeName) => Assert.Single(run.Output, o => o.TypeNames.Contains(typeName));

    internal static string? Text(PSObject item, string property) => item.Properties[property].Value?.ToString();

    internal static string[] Steps(PSObject app) =>
        ((IEnumerable)app.Properties["Steps"].Value).Cast<object>().Select(PSObject.AsPSObject).Select(s => Text(s, "Step") + ":" + Text(s, "Status")).ToArray();

    private Hashtable Variables(string name) => new()
    {
        ["SandboxReadyLine"] = _sandbox.ReadyLine,
        ["Name"] = name,
        ["Pfx"] = Path.Combine(_directory, "app.pfx"),
        ["Password"] = SandboxDefaults.Secure("pfx-password"),
    };

    public void Dispose()
    {
        _sandbox.Control.ClearFaults();
        Directory.Delete(_directory, recursive: true);
    }
}
