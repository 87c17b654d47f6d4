using System;
using System.Collections;
using System.IO;
using System.Linq;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Binding;

/// <summary>
/// Paths as a Send-MailMessage user types them, in a real runspace: -Attachments with wildcards (every match attached,
/// a pattern matching nothing refused by name), literal names with [brackets], relative and PSDrive paths, a file
/// named twice, paths on other providers; -Journal under -WhatIf and on other providers, -MessageKey without it;
/// -Body from Get-Content; a piped hashtable.
/// </summary>
public sealed class SendPathTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxFixture _sandbox;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "graphmail-paths-" + Guid.NewGuid());

    public SendPathTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
        Directory.CreateDirectory(_folder);
        foreach (var name in new[] { "a1.txt", "a2.txt", "b1.txt", "lit[1].txt", "lit1.txt" })
        {
            File.WriteAllText(Path.Combine(_folder, name), name);
        }

        Directory.CreateDirectory(Path.Combine(_folder, "a-folder.txt"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Runs the script connected to the sandbox, from the test's folder as the current location.</summary>
    private ScriptRun Send(string script)
    {
        var variables = _sandbox.SenderVariables();
        variables["Folder"] = _folder;
        using var shell = new ModuleRunspace();
        return shell.Run(SandboxFixture.ConnectSender + "\nSet-Location -LiteralPath $Folder\n" + script, variables);
    }

    private string[] AttachedNames() =>
        Assert.Single(_sandbox.Control.GetMessages()).Attachments.Select(a => a.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    [Fact]
    public void AWildcardAttachesEveryFileItMatchesAndLeavesFoldersOut()
    {
        Send("Send-GraphMail -To ops@contoso.com -Subject 'Logs' -Attachments ./a*.txt").Succeeded();

        Assert.Equal(["a1.txt", "a2.txt"], AttachedNames());
    }

    [Fact]
    public void WhatIsSentSaysHowManyFilesAPatternMatchedAndTheirSizeInKilobytes()
    {
        // What -WhatIf and -Confirm show is what ShouldProcess says under -Verbose.
        var run = Send("Send-GraphMail -To ops@contoso.com -Subject 'Logs' -Attachments ./a*.txt -Verbose").Succeeded();

        Assert.Contains(run.Verbose, v => v.Message.Contains("2 attachment(s), 1 KB, in one sendMail request", StringComparison.Ordinal));
    }

    [Fact]
    public void APatternThatMatchesNothingFailsNamingThePatternAndSendsNothing()
    {
        var run = Send("Send-GraphMail -To ops@contoso.com -Subject 'Logs' -Attachments ./a1.txt, ./zz*.log -PassThru");

        var error = run.SingleError();
        Assert.Equal("AttachmentNotFound", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("./zz*.log", error.TargetObject);
        Assert.Contains("'./zz*.log' matches no file", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(_sandbox.Control.GetMessages());
    }

    [Fact]
    public void ALiteralNameWithBracketsIsAttachedAsWrittenNotAsAPattern()
    {
        // As a pattern, 'lit[1].txt' would match lit1.txt; the file named exactly so exists, so it is the one attached.
        Send("Send-GraphMail -To ops@contoso.com -Subject 'Brackets' -Attachments './lit[1].txt'").Succeeded();

        Assert.Equal(["lit[1].txt"], AttachedNames());
    }

    [Fact]
    public void ANameEscapedAsPowerShellPathsAreIsAttached()
    {
        Send("Send-GraphMail -To ops@contoso.com -Subject 'Escaped' -Attachments './lit`[1`].txt'").Succeeded();

        Assert.Equal(["lit[1].txt"], AttachedNames());
    }

    [Fact]
    public void AFileNamedTwiceDirectlyOrThroughAPatternIsAttachedOnce()
    {
        Send("Send-GraphMail -To ops@contoso.com -Subject 'Twice' -Attachments ./a1.txt, a1.txt, ./a*.txt, (Join-Path $Folder a1.txt)").Succeeded();

        Assert.Equal(["a1.txt", "a2.txt"], AttachedNames());
    }

    [Fact]
    public void APSDrivePathWithAWildcardIsResolvedByPowerShell()
    {
        Send("New-PSDrive -Name GmX -PSProvider FileSystem -Root $Folder | Out-Null; Send-GraphMail -To ops@contoso.com -Subject 'Drive' -Attachments GmX:/b*.txt").Succeeded();

        Assert.Equal(["b1.txt"], AttachedNames());
    }

    [Fact]
    public void AnInlineImageTakesAPatternThatMatchesOneFileOnly()
    {
        var run = Send("""
            Send-GraphMail -To ops@contoso.com -Subject 'One' -BodyAsHtml -Body '<img src="cid:logo">' -InlineAttachment @{ logo = './b*.txt' }
            Send-GraphMail -To ops@contoso.com -Subject 'Two' -BodyAsHtml -Body '<img src="cid:logo">' -InlineAttachment @{ logo = './a*.txt' }
            """);

        var error = run.SingleError();
        Assert.Equal("InvalidSendParameter", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("./a*.txt", error.TargetObject);
        Assert.Equal(["b1.txt"], AttachedNames());
    }

    [Fact]
    public void APathOnAnotherProviderIsRefusedByName()
    {
        var run = Send("Send-GraphMail -To ops@contoso.com -Subject 'Env' -Attachments env:PATH");

        var error = run.SingleError();
        Assert.Equal("AttachmentNotFound", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("env:PATH", error.TargetObject);
        Assert.Contains("Environment provider, not a file-system path", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(_sandbox.Control.GetMessages());
    }

    [Fact]
    public void AJournalOnAnotherProviderIsRefusedAndNoFileIsWrittenAnywhere()
    {
        var cwd = Directory.GetCurrentDirectory();
        var name = "GraphMailJournal" + Guid.NewGuid().ToString("N");

        var run = Send($"Send-GraphMail -To ops@contoso.com -Subject 'Env journal' -Journal env:{name}");

        var error = run.SingleError();
        Assert.Equal("JournalUnwritable", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("env:" + name, error.TargetObject);
        Assert.False(File.Exists(Path.Combine(cwd, name)));
        Assert.False(File.Exists(Path.Combine(_folder, name)));
        Assert.Empty(_sandbox.Control.GetMessages());
    }

    [Fact]
    public void WhatIfWithAJournalCreatesNoFile()
    {
        var run = Send("Send-GraphMail -To ops@contoso.com -Subject 'Preview' -Journal ./preview.jsonl -WhatIf");

        run.Succeeded();
        Assert.False(File.Exists(Path.Combine(_folder, "preview.jsonl")));
        Assert.Empty(_sandbox.Control.GetMessages());
    }

    [Fact]
    public void WhatIfReadsAnExistingJournalAndLeavesItAsItWas()
    {
        Send("Send-GraphMail -To ops@contoso.com -Subject 'Once' -MessageKey k1 -Journal ./run.jsonl").Succeeded();
        var journal = Path.Combine(_folder, "run.jsonl");
        var before = File.ReadAllBytes(journal);

        var run = Send("Send-GraphMail -To ops@contoso.com -Subject 'Once' -MessageKey k1 -Journal ./run.jsonl -WhatIf -ResultVariable results; $results.Status.ToString()");

        Assert.Equal(["Skipped"], run.Succeeded().Objects);
        Assert.Equal(before, File.ReadAllBytes(journal));
        Assert.Single(_sandbox.Control.GetMessages());
    }

    [Fact]
    public void MessageKeyWithoutAJournalWarnsThatItRemembersNothing()
    {
        var without = Send("Send-GraphMail -To ops@contoso.com -Subject 'Keyed' -MessageKey order-1");
        var with = Send("Send-GraphMail -To ops@contoso.com -Subject 'Keyed' -MessageKey order-2 -Journal ./keyed.jsonl");

        Assert.Contains("-MessageKey has no effect without -Journal", Assert.Single(without.Succeeded().Warnings).Message, StringComparison.Ordinal);
        Assert.Empty(with.Succeeded().Warnings);
        Assert.Equal(2, _sandbox.Control.GetMessages().Count);
    }

    [Fact]
    public void BodyTakesTheLinesGetContentReturns()
    {
        File.WriteAllLines(Path.Combine(_folder, "body.txt"), ["Hello,", "", "the report is attached."]);

        Send("Send-GraphMail -To ops@contoso.com -Subject 'Lines' -Body (Get-Content ./body.txt)").Succeeded();

        Assert.Equal(string.Join(Environment.NewLine, "Hello,", "", "the report is attached."), Assert.Single(_sandbox.Control.GetMessages()).BodyContent);
    }

    [Fact]
    public void APipedHashtableIsRefusedWithHowToSplatIt()
    {
        var run = Send("@{ To = 'ops@contoso.com'; Subject = 'Hashtable' } | Send-GraphMail");

        var error = run.SingleError();
        Assert.Equal("InputNotRecognized", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("Send-GraphMail @message", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Empty(_sandbox.Control.GetMessages());
    }
}
