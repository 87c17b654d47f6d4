using System;
using System.Collections;
using System.IO;
using System.Linq;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Binding;

/// <summary>
/// Send-GraphMail binds as Send-MailMessage does (positions, aliases, ByPropertyName from Import-Csv rows and
/// pscustomobjects) and keeps its pipeline rule: a record that supplies To is a message of its own; otherwise piped
/// input only adds attachments to the one message sent at the end.
/// </summary>
public sealed class SendBindingTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxFixture _sandbox;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphmail-binding-" + Guid.NewGuid());

    public SendBindingTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ScriptRun Send(string script, Hashtable? more = null)
    {
        var variables = _sandbox.SenderVariables();
        variables["Folder"] = _folder;
        foreach (DictionaryEntry entry in more ?? [])
        {
            variables[entry.Key] = entry.Value;
        }

        using var shell = new ModuleRunspace();
        return shell.Run(SandboxFixture.ConnectSender + "\n" + script, variables);
    }

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void BindsSendMailMessagesPositionsToSubjectBodyAndSmtpServer()
    {
        var run = Send("Send-GraphMail ops@contoso.com 'Positional subject' 'Positional body' smtp.contoso.com");

        run.Succeeded();
        var message = Assert.Single(_sandbox.Control.GetMessages());
        Assert.Equal(["ops@contoso.com"], message.ToRecipients.Select(r => r.Address));
        Assert.Equal(("Positional subject", "Positional body"), (message.Subject, message.BodyContent));
        Assert.Contains(run.Warnings, w => w.Message.Contains("SmtpServer", StringComparison.Ordinal));
    }

    [Fact]
    public void BindsSendMailMessagesAliases()
    {
        var run = Send("Send-GraphMail -To ops@contoso.com -sub 'By alias' -Body '<b>bold</b>' -BAH -Importance High -BE UTF8 -DNO OnFailure -ComputerName smtp.contoso.com -WarningAction SilentlyContinue");

        run.Succeeded();
        var message = Assert.Single(_sandbox.Control.GetMessages());
        Assert.Equal("By alias", message.Subject);
        Assert.Equal("html", message.BodyContentType, ignoreCase: true);
        Assert.Equal("high", message.Importance, ignoreCase: true);
    }

    [Fact]
    public void SendsOneMessagePerImportCsvRow()
    {
        var csv = File("list.csv", "To,Subject,Body\nops@contoso.com,Row one,First body\nhr@contoso.com,Row two,Second body\n");

        var run = Send("Import-Csv -LiteralPath $Csv | Send-GraphMail -PassThru", new Hashtable { ["Csv"] = csv });

        run.Succeeded();
        Assert.Equal(2, run.Output.Count);
        var messages = _sandbox.Control.GetMessages().OrderBy(m => m.Subject).ToList();
        Assert.Equal(["Row one", "Row two"], messages.Select(m => m.Subject));
        Assert.Equal(["First body", "Second body"], messages.Select(m => m.BodyContent));
        Assert.Equal(["ops@contoso.com", "hr@contoso.com"], messages.Select(m => m.ToRecipients.Single().Address));
    }

    [Fact]
    public void SendsOneMessagePerPscustomobjectWithTheCommandLineForTheRest()
    {
        var run = Send("""
            [pscustomobject]@{ To = 'ops@contoso.com'; Subject = 'First'; Cc = 'audit@contoso.com' },
            [pscustomobject]@{ To = 'hr@contoso.com'; Subject = 'Second'; Priority = 'High' } | Send-GraphMail -Body 'From the command line'
            """);

        run.Succeeded();
        var messages = _sandbox.Control.GetMessages().OrderBy(m => m.Subject).ToList();
        Assert.Equal(["First", "Second"], messages.Select(m => m.Subject));
        Assert.All(messages, m => Assert.Equal("From the command line", m.BodyContent));
        Assert.Equal(["audit@contoso.com"], messages[0].CcRecipients.Select(r => r.Address));
        Assert.Empty(messages[1].CcRecipients);
        Assert.Equal(("normal", "high"), (messages[0].Importance.ToLowerInvariant(), messages[1].Importance.ToLowerInvariant()));
    }

    [Fact]
    public void PipedFilesFromGetChildItemAreTheAttachmentsOfOneMessage()
    {
        File("a.log", "first");
        File("b.log", "second");

        var run = Send("Get-ChildItem -LiteralPath $Folder -Filter *.log | Send-GraphMail -To ops@contoso.com -Subject 'Nightly logs'");

        run.Succeeded();
        var message = Assert.Single(_sandbox.Control.GetMessages());
        Assert.Equal(["a.log", "b.log"], message.Attachments.Select(a => a.Name).OrderBy(n => n));
    }

    [Fact]
    public void PipedPathsAndRecordsWithoutToOnlyAddAttachments()
    {
        var first = File("one.txt", "1");
        var second = File("two.txt", "2");
        var third = File("three.txt", "3");

        var run = Send("$First, $Second | Send-GraphMail -To ops@contoso.com -Subject 'Paths'; [pscustomobject]@{ Attachments = $Third } | Send-GraphMail -To ops@contoso.com -Subject 'Record'",
            new Hashtable { ["First"] = first, ["Second"] = second, ["Third"] = third });

        run.Succeeded();
        var messages = _sandbox.Control.GetMessages().OrderBy(m => m.Subject).ToList();
        Assert.Equal(["Paths", "Record"], messages.Select(m => m.Subject));
        Assert.Equal(["one.txt", "two.txt"], messages[0].Attachments.Select(a => a.Name).OrderBy(n => n));
        Assert.Equal(["three.txt"], messages[1].Attachments.Select(a => a.Name));
    }

    [Fact]
    public void WritesNothingWithoutPassThruAndOneSendResultPerMessageWithIt()
    {
        var run = Send("Send-GraphMail -To ops@contoso.com -Subject 'Quiet'; Send-GraphMail -To ops@contoso.com -Subject 'Loud' -PassThru");

        run.Succeeded();
        var result = Assert.Single(run.Output);
        Assert.Equal("GraphMail.SendResult", result.BaseObject.GetType().FullName);
        Assert.Equal("Sent", result.Property("Status")!.ToString());
        Assert.Equal(_sandbox.Control.GetMessages().Single(m => m.Subject == "Loud").InternetMessageId, result.Property("InternetMessageId"));
    }
}
