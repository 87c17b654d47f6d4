using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Sending;

/// <summary>
/// Mail-merge CSV files as Import-Csv really gives them (every cell text, blank cells ''), the pipeline and the
/// command line together, and the report a script gets back (-PassThru | Export-Csv), in a real runspace.
/// </summary>
public sealed class MailMergeTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxFixture _sandbox;
    private readonly ModuleRunspace _shell;
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "graphmail-merge-" + Guid.NewGuid().ToString("N"))).FullName;

    public MailMergeTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
        _shell = new ModuleRunspace();
        Assert.Empty(_shell.Run(SandboxFixture.ConnectSender, sandbox.SenderVariables()).AllErrors);
        sandbox.Control.ClearRequests();
    }

    [Fact]
    public void BlankCellsAreNotGivenAndTextBooleansBindFromEveryRow()
    {
        var csv = Csv("list.csv",
            "To,Subject,Body,Cc,Bcc,ReplyTo,Attachments,From,BodyAsHtml,SaveToSentItems",
            "ann@fabrikam.com,Hi Ann,<b>Ann</b>,,,,,,true,false",
            "bob@fabrikam.com,Hi Bob,plain,boss@fabrikam.com,,,,reports@contoso.com,false,true",
            "cat@fabrikam.com,Hi Cat,<i>Cat</i>,,,,,,1,0",
            "dan@fabrikam.com,Hi Dan,plain,,,,,,0,1",
            "eve@fabrikam.com,Hi Eve,plain,,,,,,,");

        var run = _shell.Run("Import-Csv $Csv | Send-GraphMail -PassThru", new Hashtable { ["Csv"] = csv });

        Assert.Empty(run.AllErrors);
        Assert.All(run.Output, r => Assert.Equal("Sent", r.Properties["Status"].Value.ToString()));
        var sent = _sandbox.Control.GetMessages().ToDictionary(m => m.ToRecipients.Single().Address);
        Assert.Equal(new[] { "html", "text", "html", "text", "text" }, new[] { "ann", "bob", "cat", "dan", "eve" }.Select(n => sent[n + "@fabrikam.com"].BodyContentType));
        Assert.Equal(new[] { false, true, false, true, true }, new[] { "ann", "bob", "cat", "dan", "eve" }.Select(n => sent[n + "@fabrikam.com"].SaveToSentItems));
        Assert.Empty(sent["ann@fabrikam.com"].CcRecipients);
        Assert.Equal("boss@fabrikam.com", Assert.Single(sent["bob@fabrikam.com"].CcRecipients).Address);
        Assert.Equal(SandboxDefaults.Noreply, sent["ann@fabrikam.com"].SenderMailbox);
        Assert.Equal("reports@contoso.com", sent["bob@fabrikam.com"].SenderMailbox);
    }

    [Fact]
    public void EveryRowEndsInOneResultAndTheExportIsAReportToResumeFrom()
    {
        var csv = Csv("list.csv",
            "To,Subject,BodyAsHtml",
            "ann@fabrikam.com; al@fabrikam.com,Hi Ann,",
            ",No recipient,",
            "bob@fabrikam.com,Hi Bob,maybe",
            "cat@fabrikam.com,Hi Cat,");
        var report = Path.Combine(_folder, "report.csv");

        var run = _shell.Run("Import-Csv $Csv | Send-GraphMail -PassThru -ErrorAction SilentlyContinue -ErrorVariable failures | Export-Csv $Report; $failures",
            new Hashtable { ["Csv"] = csv, ["Report"] = report });

        var rows = _shell.Run("Import-Csv $Report", new Hashtable { ["Report"] = report }).Output;
        string Cell(int row, string column) => (string)rows[row].Properties[column].Value;
        Assert.Equal(new[] { "0", "1", "2", "3" }, rows.Select((_, i) => Cell(i, "InputIndex")));
        Assert.Equal(new[] { "Sent", "Failed", "Failed", "Sent" }, rows.Select((_, i) => Cell(i, "Status")));
        Assert.Equal("ann@fabrikam.com; al@fabrikam.com", Cell(0, "To"));
        Assert.Equal(new[] { "", "RecipientRequired", "InvalidSendParameter", "" }, rows.Select((_, i) => Cell(i, "ErrorId")));
        Assert.Contains("'maybe'", Cell(2, "Error"));
        Assert.DoesNotContain(rows.SelectMany(r => r.Properties.Select(p => p.Value as string)), text => text is not null && text.Contains("System.", StringComparison.Ordinal));
        Assert.Equal(2, run.Output.Count);
        Assert.Equal(2, _sandbox.Control.GetMessages().Count);
    }

    [Fact]
    public void ACsvWithAToColumnAndToOnTheCommandLineIsAnErrorAndNothingIsSent()
    {
        var csv = Csv("list.csv", "To,Subject,Body", "ann@fabrikam.com,Hi,Hello", "bob@fabrikam.com,Hi,Hello");

        var run = _shell.Run("Import-Csv $Csv | Send-GraphMail -To me@fabrikam.com -PassThru", new Hashtable { ["Csv"] = csv });

        var conflict = Assert.Single(run.AllErrors);
        Assert.StartsWith("PipelineInputConflict,", conflict.FullyQualifiedErrorId);
        Assert.Contains("gives To 'ann@fabrikam.com', and -To is given on the command line too", conflict.Exception.Message);
        Assert.Equal("ann@fabrikam.com", ((PSObject)conflict.TargetObject).Properties["To"].Value);
        Assert.Empty(_sandbox.Control.GetRequests());
    }

    [Fact]
    public void PipedFilesAndAttachmentsOnTheCommandLineIsAnErrorAndNothingIsSent()
    {
        var logs = Directory.CreateDirectory(Path.Combine(_folder, "logs")).FullName;
        File.WriteAllText(Path.Combine(logs, "a.log"), "a");
        File.WriteAllText(Path.Combine(logs, "b.log"), "b");
        var report = Csv("report.pdf", "not really a pdf");

        var run = _shell.Run("Get-ChildItem $Logs -File | Send-GraphMail -To a@fabrikam.com -Subject s -Attachments $Report",
            new Hashtable { ["Logs"] = logs, ["Report"] = report });

        var conflict = Assert.Single(run.AllErrors);
        Assert.StartsWith("PipelineInputConflict,", conflict.FullyQualifiedErrorId);
        Assert.Contains("-Attachments is given on the command line too", conflict.Exception.Message);
        Assert.Empty(_sandbox.Control.GetRequests());
    }

    [Fact]
    public void ACsvWithoutAToColumnSendsEachRowToTheCommandLinesTo()
    {
        var csv = Csv("list.csv", "Subject,Body", "First,One", "Second,Two");

        var run = _shell.Run("Import-Csv $Csv | Send-GraphMail -To me@fabrikam.com -PassThru", new Hashtable { ["Csv"] = csv });

        Assert.Empty(run.AllErrors);
        Assert.Equal(2, run.Output.Count);
        Assert.Equal(new[] { "First", "Second" }, _sandbox.Control.GetMessages().Where(m => m.ToRecipients.Single().Address == "me@fabrikam.com").Select(m => m.Subject).OrderBy(s => s));
    }

    [Fact]
    public void ARecordWithoutAValueIsNotGivenTheOneBeforeIt()
    {
        var run = _shell.Run("""
            [pscustomobject]@{ To = 'ann@fabrikam.com'; Cc = 'boss@fabrikam.com'; Subject = 'One'; BodyAsHtml = $true },
            [pscustomobject]@{ To = 'bob@fabrikam.com' } | Send-GraphMail -PassThru
            """);

        Assert.Empty(run.AllErrors);
        var bob = Assert.Single(_sandbox.Control.GetMessages(), m => m.ToRecipients.Single().Address == "bob@fabrikam.com");
        Assert.Empty(bob.CcRecipients);
        Assert.Equal(("", "text"), (bob.Subject, bob.BodyContentType));
    }

    [Fact]
    public void WhatIfPreviewsAWholeMergeWithoutAConnection()
    {
        using var offline = new ModuleRunspace();
        var csv = Csv("list.csv", "To,Subject,Attachments", "ann@fabrikam.com,Hi Ann,", "bob@fabrikam.com,Hi Bob,missing.pdf", "not-an-address,Hi,");

        var run = offline.Run("Import-Csv $Csv | Send-GraphMail -WhatIf -PassThru -ResultVariable preview", new Hashtable { ["Csv"] = csv });
        var preview = offline.Run("$preview").Output;

        Assert.Null(run.Terminating);
        Assert.Empty(run.Output);
        Assert.Equal(new[] { "AttachmentNotFound", "InvalidEmailAddress" }, run.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Equal(new[] { "NotSent", "Failed", "Failed" }, preview.Select(r => r.Properties["Status"].Value.ToString()));
        Assert.Equal("SendDeclined", preview[0].Properties["ErrorId"].Value);
        Assert.Empty(_sandbox.Control.GetRequests());
    }

    public void Dispose()
    {
        _shell.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string Csv(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
