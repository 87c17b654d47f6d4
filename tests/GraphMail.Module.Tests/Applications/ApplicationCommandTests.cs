using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using GraphMail.Module.Tests.Infrastructure;
using static GraphMail.Module.Tests.Applications.ApplicationLifecycleTests;

namespace GraphMail.Module.Tests.Applications;

/// <summary>New-GraphMailApplication's other paths in a real runspace: a client secret, -WhatIf, a user who is no admin, -Mailbox without Exchange.</summary>
[Collection(ApplicationCollection.Name)]
public sealed class ApplicationCommandTests
{
    private readonly SandboxFixture _sandbox;

    public ApplicationCommandTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
        _sandbox.Control.UpdateSettings(s => s with { DeviceCodeApprover = SandboxDefaults.Admin, ReplicationDelaySeconds = 0 });
    }

    [Fact]
    public void A_client_secret_is_returned_once_as_a_SecureString_that_signs_in_tests_ready_and_never_appears_in_text()
    {
        using var shell = new ModuleRunspace();
        var variables = Variables("Secret " + Guid.NewGuid());

        var run = shell.Run("""
            $app = New-GraphMailApplication -DisplayName $Name -ClientSecret -CredentialLifetimeDays 30 -TenantId contoso.com -Sandbox $SandboxReadyLine
            $app
            $app | Out-String -Width 200
            "$app"
            $app | Connect-GraphMail -PassThru
            'ready: ' + ($app | Test-GraphMailSetup -Mailbox noreply@contoso.com -Quiet)
            $plain = [System.Net.NetworkCredential]::new('', $app.ClientSecret).Password
            $plain.Length
            $again = New-GraphMailApplication -DisplayName $Name -ClientSecret -TenantId contoso.com -Sandbox $SandboxReadyLine
            $null -eq $again.ClientSecret
            """, variables);

        Assert.Empty(run.AllErrors);
        var app = Single(run, "GraphMail.GraphMailApplication");
        Assert.IsType<System.Security.SecureString>(app.Properties["ClientSecret"].Value);
        Assert.Equal("ClientSecret", Text(app, "CredentialType"));
        var expires = (DateTimeOffset)app.Properties["CredentialExpiresOn"].Value;
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(29), DateTimeOffset.UtcNow.AddDays(31));
        Assert.Equal("ClientSecret", Text(Single(run, "GraphMail.ConnectionInfo"), "CredentialKind"));
        Assert.Contains("ready: True", run.Objects.OfType<string>());
        Assert.Equal(40, run.Objects.OfType<int>().Single());
        Assert.True(run.Objects.OfType<bool>().Single());
        var view = run.Objects.OfType<string>().First(t => t.Contains("ClientSecret"));
        Assert.Contains("shown once", view);
        Assert.DoesNotContain("~", string.Concat(run.Objects.OfType<string>()));
    }

    [Fact]
    public void MultiTenant_makes_a_vendors_app_with_its_consent_redirect_and_completes_a_single_tenant_one()
    {
        using var shell = new ModuleRunspace();
        var variables = Variables("Vendor " + Guid.NewGuid());

        var run = shell.Run("""
            New-GraphMailApplication -DisplayName $Name -ClientSecret -TenantId contoso.com -Sandbox $SandboxReadyLine -WaitTimeoutSeconds 0
            New-GraphMailApplication -DisplayName $Name -ClientSecret -MultiTenant -RedirectUri https://vendor.example/consent -WaitTimeoutSeconds 0
            """, variables);

        Assert.Empty(run.AllErrors);
        var (single, multi) = (run.Output[0], run.Output[1]);
        Assert.Equal("AzureADMyOrg", Text(single, "SignInAudience"));
        Assert.Equal("SignIn:Skipped", Steps(single).Last());
        Assert.Equal("Application:Updated", Steps(multi)[0]);
        Assert.Contains("made multi-tenant; redirect URI https://vendor.example/consent added",
            ((System.Collections.IEnumerable)multi.Properties["Steps"].Value).Cast<object>().Select(PSObject.AsPSObject).Select(s => Text(s, "Detail")).First());
        Assert.Equal("AzureADMultipleOrgs", Text(multi, "SignInAudience"));
        var registered = Assert.Single(_sandbox.Control.GetApplications(SandboxDefaults.TenantDomain), a => a.DisplayName == (string)variables["Name"]!);
        Assert.Equal(("AzureADMultipleOrgs", "https://vendor.example/consent"), (registered.SignInAudience, Assert.Single(registered.RedirectUris)));
    }

    [Fact]
    public void WhatIf_registers_nothing_and_says_what_it_would_do()
    {
        using var shell = new ModuleRunspace();
        var variables = Variables("WhatIf " + Guid.NewGuid());

        var run = shell.Run("New-GraphMailApplication -DisplayName $Name -TenantId contoso.com -Sandbox $SandboxReadyLine -WhatIf", variables);

        Assert.Empty(run.AllErrors);
        Assert.Equal(["Application:Skipped"], Steps(Single(run, "GraphMail.GraphMailApplication")));
        Assert.DoesNotContain(_sandbox.Control.GetApplications(SandboxDefaults.TenantDomain), a => a.DisplayName == (string)variables["Name"]!);
        Assert.DoesNotContain(_sandbox.Control.GetRequests(), r => r.Route == "createApplication");
    }

    [Fact]
    public void A_user_without_a_directory_role_gets_a_permission_error_naming_the_app_and_the_roles_that_would_do()
    {
        _sandbox.Control.UpdateSettings(s => s with { DeviceCodeApprover = SandboxDefaults.Ceo });
        using var shell = new ModuleRunspace();
        var variables = Variables("Denied " + Guid.NewGuid());

        var run = shell.Run("New-GraphMailApplication -DisplayName $Name -TenantId contoso.com -Sandbox $SandboxReadyLine", variables);

        var error = Assert.Single(run.AllErrors);
        Assert.Equal("DirectoryPermissionDenied,GraphMail.Commands.NewGraphMailApplicationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Equal(variables["Name"], error.TargetObject);
        Assert.Contains(SandboxDefaults.Ceo, error.Exception.Message);
        Assert.Contains("Global Administrator", error.ErrorDetails.RecommendedAction);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Mailbox_without_ExchangeOnlineManagement_writes_the_scope_command_to_run()
    {
        using var shell = new ModuleRunspace();
        var variables = Variables("Scoped " + Guid.NewGuid());

        var run = shell.Run("New-GraphMailApplication -DisplayName $Name -ClientSecret -Mailbox noreply@contoso.com -TenantId contoso.com -Sandbox $SandboxReadyLine", variables);

        Assert.Empty(run.AllErrors);
        var app = Single(run, "GraphMail.GraphMailApplication");
        Assert.Equal("MailboxScope:Skipped", Steps(app).Last());
        var warning = Assert.Single(run.Warnings, w => w.Message.Contains("New-GraphMailMailboxScope"));
        Assert.Contains($"-ClientId {Text(app, "ClientId")} -Mailbox noreply@contoso.com -ServicePrincipalObjectId {Text(app, "ServicePrincipalObjectId")}", warning.Message);
    }

    [Fact]
    public void Without_an_admin_sign_in_or_a_tenant_it_says_how_to_sign_in()
    {
        using var shell = new ModuleRunspace();

        var run = shell.Run("New-GraphMailApplication -DisplayName 'No sign-in'; Remove-GraphMailApplication -DisplayName 'No sign-in' -Confirm:$false");

        Assert.Equal(2, run.AllErrors.Count);
        Assert.All(run.AllErrors, e => Assert.StartsWith("GraphMailAdminNotConnected,", e.FullyQualifiedErrorId));
        Assert.All(run.AllErrors, e => Assert.Contains("Connect-GraphMailAdmin", e.ErrorDetails.RecommendedAction));
        Assert.DoesNotContain(_sandbox.Control.GetRequests(), r => r.Route == "deviceCode");
    }

    private Hashtable Variables(string name) => new()
    {
        ["SandboxReadyLine"] = _sandbox.ReadyLine,
        ["Name"] = name,
    };
}
