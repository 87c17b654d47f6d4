using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using GraphMail.Module.Tests.Infrastructure;
using GraphMail.Sandbox.Control;

namespace GraphMail.Module.Tests.Behaviour;

/// <summary>
/// The error-record catalogue: every ErrorId in GraphMail.ErrorIds is either provoked here, in a real runspace over
/// the built module, or named in <see cref="NotProvokedHere"/> or <see cref="NotProvokableHere"/> with the reason. Each provoked record has the offending
/// value as TargetObject, a RecommendedAction of its own, no .NET type names in CategoryInfo or its message, no stack
/// trace, and ConciseView prints its fix once. A new ErrorId without a case fails <see cref="EveryErrorIdIsProvokedOrHasAReason"/>.
/// </summary>
public sealed partial class ErrorCatalogueTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string App = SandboxDefaults.SenderAppId;
    private const string Sandbox = "-Sandbox $SandboxReadyLine";
    private const string AsSender = $"{Sandbox} -TenantId contoso.com -ClientId {App} -ClientSecret $ClientSecret";

    /// <summary>
    /// One provoked error: the script (run with $ErrorActionPreference = 'Stop'; $Folder is an empty temporary folder
    /// of its own), whether to connect as the sender first, a PowerShell expression for the expected TargetObject (null
    /// when the error names no value), and what to set up in the sandbox first (after a reset).
    /// </summary>
    public sealed record Case(string Script, bool Connect = false, string? Target = null, Action<SandboxControl>? Arrange = null);

    /// <summary>Every provoked case, one area per file (ErrorCatalogue.*.cs).</summary>
    private static readonly Dictionary<string, Case> Cases =
        new[] { ConnectInputCases(), CredentialCases(), SendInputCases(), SendServiceCases(), SetupCases(), AdminCases(), SandboxCases() }
            .SelectMany(area => area)
            .ToDictionary(c => c.Key, c => c.Value);

    /// <summary>ErrorIds written elsewhere than an ErrorRecord, or covered by a test of their own, and where.</summary>
    private static readonly Dictionary<string, string> NotProvokedHere = new()
    {
        ["SendDeclined"] = "a SendResult's error (-WhatIf, -Confirm No), never an ErrorRecord",
        ["SendNotStarted"] = "a SendResult's error when the command is stopped; covered by Sending/StopSummaryTests",
        ["GraphMailOperationStopped"] = "written when Ctrl+C stops a command; covered by Behaviour/StopTests",
        ["PipelineInputConflict"] = "covered by Sending/MailMergeTests",
        ["DailyRecipientLimitReached"] = "a NotSent SendResult's error, never an ErrorRecord; covered by Delivery/LimitTests",
    };

    /// <summary>ErrorIds this machine cannot provoke: they need Exchange Online, Windows, a browser, a real cloud, or are internal invariants.</summary>
    private static readonly Dictionary<string, string> NotProvokableHere = new()
    {
        ["GraphMailUnexpectedError"] = "an internal invariant: written only when GraphMail itself has a bug",
        ["CertificatePemNotSupported"] = "Windows PowerShell 5.1 only (.NET Framework reads no PEM); this is PowerShell 7",
        ["ApplicationDisabled"] = "AADSTS7000112: the sandbox's Entra ID has no disabled service principal",
        ["BlockedByConditionalAccess"] = "AADSTS53003: the sandbox's Entra ID has no Conditional Access",
        ["ClientAssertionOutOfTime"] = "AADSTS700024: needs this computer's clock or the sandbox's to be off by hours; the shared sandbox runs on real time",
        ["AuthenticationFailed"] = "an AADSTS code GraphMail has no entry for, or an MSAL failure of its own; the sandbox answers only catalogued codes",
        ["ServiceTimeout"] = "needs a request that outlasts HttpClient's 100-second timeout, or a connection that neither opens nor fails within 15 seconds",
        ["ConsentTenantInOtherCloud"] = "the sandbox's discovery answers for one cloud only",
        ["AttachmentUnreadable"] = "needs a file this account cannot read; the tests here run as root, which reads every file",
        ["MailSendPermissionMissing"] = "a 403 without the scoping text: every app of the sandbox's seed that reaches a mailbox is either scoped or allowed",
        ["InvalidInternetMessageHeader"] = "GraphMail refuses such headers before sending (InvalidHeaderName, InvalidHeaderValue), so Graph never sees one",
        ["InvalidRecipients"] = "GraphMail checks every address and the recipient count before sending; the sandbox's Graph refuses too many recipients with another code (SendRejected)",
        ["InvalidCredentialLifetime"] = "-CredentialLifetimeDays's ValidateRange refuses such values before GraphMail sees them",
        ["ExchangeCommandFailed"] = "written by the Exchange Online script New-GraphMailMailboxScope makes; needs ExchangeOnlineManagement and a tenant",
        ["AdminTenantMismatch"] = "the sandbox issues a tenant's tokens only to that tenant's own users",
        ["ApplicationNameAmbiguous"] = "needs two registrations with one display name in the directory; the default seed has none",
        ["InvalidSandboxFault"] = "Add-GraphMailSandboxFault's ValidateSet and ranges refuse a bad route, kind or count first; this check guards the control client's own callers",
        ["CertificateCreationFailed"] = "needs the platform's key generation to fail",
        ["CertificateStoreUnavailable"] = "needs CurrentUser\\My to be unwritable (a locked-down Windows profile)",
        ["SandboxFilesMissing"] = "needs the module's own GraphMail.Sandbox files removed from the built module",
        ["SandboxDotnetNotFound"] = "needs a PATH without dotnet, process-wide for every test in this process",
        ["SandboxAspNetCoreMissing"] = "needs a dotnet without the ASP.NET Core runtime",
        ["SandboxStartTimeout"] = "needs a sandbox process that never prints its ready line",
    };

    public static IEnumerable<object[]> CaseIds() => Cases.Keys.Select(k => new object[] { k });

    [Fact]
    public void EveryErrorIdIsProvokedOrHasAReason()
    {
        using var shell = new ModuleRunspace();
        var ids = shell.Run("[GraphMail.ErrorIds].GetFields('Public,Static') | ForEach-Object { $_.GetValue($null) }").Succeeded().Objects.Cast<string>().ToList();

        Assert.True(ids.Count > 100, "GraphMail.ErrorIds was not read");
        var accounted = Cases.Keys.Concat(NotProvokedHere.Keys).Concat(NotProvokableHere.Keys).ToList();
        Assert.Equal(accounted.Count, accounted.Distinct().Count());
        Assert.Empty(ids.Except(accounted));   // a new ErrorId needs a case here
        Assert.Empty(accounted.Except(ids));   // and a case for an id that is gone goes too
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void TheRecordNamesTheValueHasOneFixAndNoTypeNames(string errorId)
    {
        var (script, connect, target, arrange) = Cases[errorId];
        sandbox.Reset();
        arrange?.Invoke(sandbox.Control);
        var folder = Directory.CreateTempSubdirectory("graphmail-catalogue-");
        var variables = sandbox.SenderVariables();
        variables["Folder"] = folder.FullName;
        using var shell = new ModuleRunspace();
        var run = shell.Run(
            "$PSStyle.OutputRendering = 'PlainText'; $ErrorView = 'ConciseView'\n" +
            (connect ? SandboxFixture.ConnectSender + "\n" : string.Empty) +
            "$record = $null\n" +
            "try { $ErrorActionPreference = 'Stop'; " + script + " } catch { $record = $_ }\n" +
            "$ErrorActionPreference = 'Continue'\n" +
            "$record\n" +
            "($record | Out-String -Width 200)\n" +
            (target is null ? "$null" : "[string](" + target + ")"),
            variables);
        folder.Delete(recursive: true);
        OpenPauses.ForEach(pause => pause.Dispose());
        OpenPauses.Clear();

        Assert.True(run.Output.Count >= 2, errorId + ": the script did not fail: " + string.Join("; ", run.AllErrors));
        var record = Assert.IsType<ErrorRecord>(run.Output[0].BaseObject);
        var concise = (string)run.Output[1].BaseObject;
        Assert.True(record.FullyQualifiedErrorId.StartsWith(errorId + ",", StringComparison.Ordinal), $"{errorId}: got {record.FullyQualifiedErrorId}: {record.Exception.Message}");

        // The offending value, not the cmdlet, the tenant when the client ID was wrong, or a port.
        if (target is not null)
        {
            Assert.Equal((string)run.Output[2].BaseObject, record.TargetObject?.ToString());
        }

        Assert.False(record.TargetObject is PSCmdlet);

        // A fix of its own, printed once by ConciseView.
        var fix = record.ErrorDetails?.RecommendedAction;
        Assert.False(string.IsNullOrWhiteSpace(fix), errorId + " has no RecommendedAction");
        Assert.DoesNotContain("Get-Help about_GraphMail", fix, StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(Flatten(concise), Flatten(fix!)));
        Assert.DoesNotContain(Flatten(fix!), Flatten(record.ErrorDetails!.Message), StringComparison.Ordinal);

        // Words, not .NET: no namespaces, generic arity or stack frames where a user reads.
        var category = record.CategoryInfo.ToString();
        Assert.Equal(errorId, record.CategoryInfo.Reason);
        foreach (var text in new[] { category, record.ErrorDetails.Message, record.Exception.Message, concise })
        {
            Assert.DoesNotMatch(@"(?<![/\\])(System\.[A-Z]|GraphMail\.[A-Z][a-z]+\.[A-Z])|\w`\d|\bat [A-Z][\w.]+\(|Hashtable:", text);
        }
    }

    [Fact]
    public void ABadSeedFileIsDescribedInPlainWords()
    {
        using var shell = new ModuleRunspace();
        var run = shell.Run(Cases["SandboxStartFailed"].Script);

        var message = run.SingleError().Exception.Message;
        Assert.Contains("the field tenants (line 1, position ", message, StringComparison.Ordinal);
        Assert.Contains("should be a list in [ ]", message, StringComparison.Ordinal);
        Assert.DoesNotContain("SeedTenant", message, StringComparison.Ordinal);
    }

    private static string Flatten(string text) =>
        Regex.Replace(Regex.Replace(text, @"\r?\n\s*(\|\s?)?", " "), @"\s+", " ").Trim();

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
