using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Behaviour;

/// <summary>
/// Every cmdlet's errors as PowerShell users meet them: a stable FullyQualifiedErrorId, a specific category, the
/// offending value as TargetObject, a RecommendedAction; and -ErrorAction Stop / SilentlyContinue and -ErrorVariable
/// behaving as for PowerShell's own cmdlets (a terminating error ends the statement whatever -ErrorAction says, and
/// -ErrorVariable then holds the exception that carries the record).
/// </summary>
public sealed class ErrorRecordTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string Guid = "51c27551-41e7-4952-a996-08bd0bfb1752";

    /// <summary>Case name → (script with {0} where the common parameters go, connect first, error id, category, target, terminating).</summary>
    private static readonly Dictionary<string, (string Script, bool Connect, string ErrorId, ErrorCategory Category, string? Target, bool Terminating)> Cases = new()
    {
        ["Send-GraphMail, a bad address"] = ("Send-GraphMail -To not-an-address -Subject x {0}", true, "InvalidEmailAddress,GraphMail.Commands.SendGraphMailCommand", ErrorCategory.InvalidArgument, null, false),
        ["Send-GraphMail, a missing attachment"] = ("Send-GraphMail -To ops@contoso.com -Subject x -Attachments ./no-such-file.pdf {0}", true, "AttachmentNotFound,GraphMail.Commands.SendGraphMailCommand", ErrorCategory.ObjectNotFound, null, false),
        ["Send-GraphMail, not connected"] = ("Send-GraphMail -To ops@contoso.com -Subject x {0}", false, "GraphMailNotConnected,GraphMail.Commands.SendGraphMailCommand", ErrorCategory.InvalidOperation, null, true),
        ["Connect-GraphMail, tenant common"] = ($"Connect-GraphMail -TenantId common -ClientId {Guid} -ClientSecret $ClientSecret {{0}}", false, "InvalidTenantId,GraphMail.Commands.ConnectGraphMailCommand", ErrorCategory.InvalidArgument, "common", true),
        ["Connect-GraphMail, a wrong secret"] = ($"Connect-GraphMail -Sandbox $SandboxReadyLine -TenantId contoso.com -ClientId {Guid} -ClientSecret (ConvertTo-SecureString 'Sbx8Q~wrong' -AsPlainText -Force) {{0}}", false, "ClientSecretInvalid,GraphMail.Commands.ConnectGraphMailCommand", ErrorCategory.AuthenticationError, Guid, true),
        ["Connect-GraphMail, a thumbprint that is none"] = ($"Connect-GraphMail -TenantId contoso.com -ClientId {Guid} -CertificateThumbprint not-a-thumbprint {{0}}", false, "InvalidCertificateThumbprint,GraphMail.Commands.ConnectGraphMailCommand", ErrorCategory.InvalidArgument, "not-a-thumbprint", true),
        ["Connect-GraphMail, a sandbox off loopback"] = ($$"""Connect-GraphMail -Sandbox '{"authority":"https://login.microsoftonline.com/","graph":"https://graph.microsoft.com/v1.0","certificateSha256":"AB"}' -TenantId contoso.com -ClientId {{Guid}} -ClientSecret $ClientSecret {0}""", false, "InvalidSandboxEndpoint,GraphMail.Commands.ConnectGraphMailCommand", ErrorCategory.InvalidArgument, """{"authority":"https://login.microsoftonline.com/","graph":"https://graph.microsoft.com/v1.0","certificateSha256":"AB"}""", true),
        ["Get-GraphMailConsentUrl, a client ID that is none"] = ("Get-GraphMailConsentUrl -ClientId my-app -Tenant contoso.com -SkipTenantLookup {0}", false, "InvalidConsentClientId,GraphMail.Commands.GetGraphMailConsentUrlCommand", ErrorCategory.InvalidArgument, "my-app", false),
        ["Get-GraphMailConsentUrl, a tenant that is none"] = ($"Get-GraphMailConsentUrl -ClientId {Guid} -Tenant 'not a domain' -SkipTenantLookup {{0}}", false, "InvalidConsentTenant,GraphMail.Commands.GetGraphMailConsentUrlCommand", ErrorCategory.InvalidArgument, "not a domain", false),
        ["ConvertFrom-GraphMailConsentResponse, no consent answer"] = ("ConvertFrom-GraphMailConsentResponse -Uri 'https://vendor.example/consent?code=abc' {0}", false, "InvalidConsentResponse,GraphMail.Commands.ConvertFromGraphMailConsentResponseCommand", ErrorCategory.InvalidArgument, "https://vendor.example/consent?code=abc", false),
        ["Test-GraphMailSetup, not connected"] = ("Test-GraphMailSetup -Mailbox noreply@contoso.com {0}", false, "GraphMailNotConnected,GraphMail.Commands.TestGraphMailSetupCommand", ErrorCategory.InvalidOperation, "noreply@contoso.com", true),
        ["Test-GraphMailSetup, a mailbox that is no address"] = ("Test-GraphMailSetup -Mailbox 'not an address' {0}", true, "InvalidEmailAddress,GraphMail.Commands.TestGraphMailSetupCommand", ErrorCategory.InvalidArgument, "not an address", true),
        ["New-GraphMailMailboxScope, the client ID as object ID"] = ($"New-GraphMailMailboxScope -ClientId {Guid} -Mailbox noreply@contoso.com -ServicePrincipalObjectId {Guid} -AsScript {{0}}", false, "InvalidServicePrincipalObjectId,GraphMail.Commands.NewGraphMailMailboxScopeCommand", ErrorCategory.InvalidArgument, Guid, true),
        ["Get-GraphMailSandboxMessage, no sandbox started"] = ("Get-GraphMailSandboxMessage {0}", false, "SandboxNotStarted,GraphMail.Commands.GetGraphMailSandboxMessageCommand", ErrorCategory.InvalidOperation, null, true),
        ["Clear-GraphMailSandboxFault, no sandbox started"] = ("Clear-GraphMailSandboxFault {0}", false, "SandboxNotStarted,GraphMail.Commands.ClearGraphMailSandboxFaultCommand", ErrorCategory.InvalidOperation, null, true),
    };

    public static IEnumerable<object[]> CaseNames() => Cases.Keys.Select(k => new object[] { k });

    private ScriptRun Run(string name, string commonParameters, string preamble = "")
    {
        var (script, connect, _, _, _, _) = Cases[name];
        using var shell = new ModuleRunspace();
        var body = script.Replace("{0}", commonParameters, StringComparison.Ordinal);
        var statement = commonParameters.Contains("} catch {", StringComparison.Ordinal) ? "try { " + body : body;
        return shell.Run((connect ? SandboxFixture.ConnectSender + "\n" : string.Empty) + preamble + statement, sandbox.SenderVariables());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void TheRecordHasItsIdCategoryTargetAndRecommendedAction(string name)
    {
        var expected = Cases[name];

        var run = Run(name, string.Empty);

        var record = run.SingleError();
        Assert.Equal(expected.ErrorId, record.FullyQualifiedErrorId);
        Assert.Equal(expected.Category, record.CategoryInfo.Category);
        if (expected.Target is not null)
        {
            Assert.Equal(expected.Target, record.TargetObject?.ToString());
        }

        Assert.False(record.TargetObject is PSCmdlet, "the target is the cmdlet, not the user's input");
        Assert.False(string.IsNullOrWhiteSpace(record.ErrorDetails?.RecommendedAction), name + " has no RecommendedAction");
        Assert.Equal("GraphMail.GraphMailException", record.Exception.GetType().FullName);
        Assert.Null(run.Terminating); // a terminating error ends only its statement, as ThrowTerminatingError does
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ErrorActionStopMakesANonTerminatingErrorEndTheScriptAndTryCatchesEveryOne(string name)
    {
        var expected = Cases[name];

        var stopped = Run(name, "-ErrorAction Stop; 'after'");
        var caught = Run(name, "-ErrorAction Stop } catch { $_.FullyQualifiedErrorId }");

        if (expected.Terminating)
        {
            Assert.Equal(expected.ErrorId, stopped.SingleError().FullyQualifiedErrorId); // already ends its statement; the script goes on
        }
        else
        {
            Assert.Equal(expected.ErrorId, stopped.Terminating?.FullyQualifiedErrorId);
            Assert.DoesNotContain("after", stopped.Objects);
        }

        Assert.Equal(expected.ErrorId, Assert.Single(caught.Succeeded().Objects));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ErrorActionPreferenceStopEndsTheScriptOnEveryError(string name)
    {
        var run = Run(name, "; 'after'", preamble: "$ErrorActionPreference = 'Stop'\n");

        Assert.Equal(Cases[name].ErrorId, run.Terminating?.FullyQualifiedErrorId);
        Assert.DoesNotContain("after", run.Objects);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ErrorActionSilentlyContinueSilencesOnlyNonTerminatingErrors(string name)
    {
        var run = Run(name, "-ErrorAction SilentlyContinue");

        Assert.Equal(Cases[name].Terminating ? 1 : 0, run.Errors.Count);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ErrorVariableHoldsTheRecordOrForATerminatingErrorTheExceptionCarryingIt(string name)
    {
        var expected = Cases[name];

        var run = Run(name, "-ErrorVariable captured -ErrorAction SilentlyContinue; ,$captured");

        var captured = Assert.Single(Assert.IsType<ArrayList>(Assert.Single(run.Objects)).Cast<object>());
        var record = expected.Terminating
            ? Assert.IsAssignableFrom<IContainsErrorRecord>(captured).ErrorRecord
            : Assert.IsType<ErrorRecord>(captured);
        Assert.Equal(expected.ErrorId, record.FullyQualifiedErrorId);
    }
}
