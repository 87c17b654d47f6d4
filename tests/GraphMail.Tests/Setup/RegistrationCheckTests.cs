using System;
using GraphMail.Engine.Applications;
using GraphMail.Engine.Setup;
using GraphMail.Engine.Setup.Checks;
using GraphMail.Engine.Setup.Exchange;

namespace GraphMail.Tests.Setup;

/// <summary>The Registration check's verdicts on what the directory says, each with its exact fix.</summary>
public sealed class RegistrationCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_tenant_wide_Mail_Send_grant_beside_an_RBAC_role_is_named_with_the_command_that_removes_it()
    {
        var exchange = ExchangeView.Connected(Guid.NewGuid(),
            [new MailboxExchangeView("noreply@contoso.com", null, [new ServicePrincipalRole(ServicePrincipalRole.MailSend, RoleInScope.True)])]);

        var result = RegistrationCheck.Evaluate(Facts(), Subject(), exchange, Now);

        Assert.Equal(SetupCheckStatus.Warning, result.Status);
        Assert.Contains("independent", result.Detail);
        Assert.Equal("Remove-MgServicePrincipalAppRoleAssignment -ServicePrincipalId sp-1 -AppRoleAssignmentId grant-1 (keep the Exchange role 'Application Mail.Send').", result.Remedy);
    }

    [Fact]
    public void Credentials_that_all_end_within_30_days_are_a_warning_and_a_later_one_passes()
    {
        var soon = Facts(new CredentialFact("client secret", "'abc…'", Now.AddDays(10)));
        var later = Facts(new CredentialFact("client secret", "'abc…'", Now.AddDays(10)), new CredentialFact("certificate", "AB12", Now.AddDays(200)));

        var warning = RegistrationCheck.Evaluate(soon, Subject(), ExchangeView.NotConnected("test"), Now);
        var passed = RegistrationCheck.Evaluate(later, Subject(), ExchangeView.NotConnected("test"), Now);

        Assert.Equal(SetupCheckStatus.Warning, warning.Status);
        Assert.Contains("expires on 2026-12-11", warning.Detail);
        Assert.Equal("New-GraphMailApplication -DisplayName 'Contoso mailer' -RotateCredential (add -ClientSecret for a secret).", warning.Remedy);
        Assert.Equal(SetupCheckStatus.Passed, passed.Status);
        Assert.Contains("until 2027-06-19", passed.Detail);
    }

    [Fact]
    public void A_vendor_app_without_a_service_principal_here_gets_the_consent_link_command()
    {
        var facts = new RegistrationFacts { DisplayName = null, RegisteredHere = false };

        var result = RegistrationCheck.Evaluate(facts, Subject(), ExchangeView.NotConnected("test"), Now);

        Assert.Equal(SetupCheckStatus.Failed, result.Status);
        Assert.StartsWith("Get-GraphMailConsentUrl -ClientId 11111111-2222-3333-4444-555555555555 -Tenant contoso.com", result.Remedy);
    }

    [Fact]
    public void No_consent_is_right_for_an_app_whose_Exchange_RBAC_role_grants_Mail_Send()
    {
        var exchange = ExchangeView.Connected(Guid.NewGuid(),
            [new MailboxExchangeView("noreply@contoso.com", null, [new ServicePrincipalRole(ServicePrincipalRole.MailSend, RoleInScope.True)])]);

        var result = RegistrationCheck.Evaluate(WithoutConsent(), Subject(), exchange, Now);

        Assert.Equal(SetupCheckStatus.Passed, result.Status);
        Assert.Contains("no tenant-wide consent: Exchange RBAC for Applications grants Mail.Send for noreply@contoso.com", result.Detail);
    }

    [Fact]
    public void No_consent_without_Exchange_s_view_is_a_warning_that_leaves_the_verdict_to_Graph_and_never_blocks_the_later_checks()
    {
        var result = RegistrationCheck.Evaluate(WithoutConsent(), Subject(), ExchangeView.NotConnected("test"), Now);

        Assert.Equal(SetupCheckStatus.Warning, result.Status);
        Assert.Contains("the Permissions and SenderAccess checks show whether Graph lets the app send", result.Detail);
        Assert.Equal("If no Exchange RBAC role is meant to grant Mail.Send: New-GraphMailApplication -DisplayName 'Contoso mailer' (it grants the missing consent).", result.Remedy);
    }

    [Fact]
    public void No_consent_and_no_RBAC_role_in_Exchange_s_view_fails()
    {
        var exchange = ExchangeView.Connected(Guid.NewGuid(), [new MailboxExchangeView("noreply@contoso.com", null, [])]);

        var result = RegistrationCheck.Evaluate(WithoutConsent(), Subject(), exchange, Now);

        Assert.Equal(SetupCheckStatus.Failed, result.Status);
        Assert.StartsWith("New-GraphMailApplication -DisplayName 'Contoso mailer'", result.Remedy);
    }

    private static RegistrationFacts WithoutConsent() => new()
    {
        DisplayName = "Contoso mailer",
        RegisteredHere = true,
        ServicePrincipalId = "sp-1",
        MailSendAssignmentId = null,
    };

    private static RegistrationFacts Facts(params CredentialFact[] credentials) => new()
    {
        DisplayName = "Contoso mailer",
        RegisteredHere = true,
        ServicePrincipalId = "sp-1",
        MailSendAssignmentId = "grant-1",
        Credentials = credentials,
    };

    private static SetupSubject Subject() => new()
    {
        Tenant = "contoso.com",
        TenantId = Guid.NewGuid().ToString(),
        ClientId = "11111111-2222-3333-4444-555555555555",
        Mailbox = "noreply@contoso.com",
    };
}
