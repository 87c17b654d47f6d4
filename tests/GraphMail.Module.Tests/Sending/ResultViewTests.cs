using System.Linq;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Sending;

/// <summary>How a SendResult looks in a console: a table row that fits 80 columns, a list with the Message-ID in full.</summary>
public sealed class ResultViewTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string Results = """
        Send-GraphMail -To 'a-rather-long-recipient-name@fabrikam.com', 'second@fabrikam.com' -Subject 'Quarterly numbers for the board, final version' -PassThru
        Send-GraphMail -To not-an-address -Subject 'Broken' -PassThru -ErrorAction SilentlyContinue
        """;

    [Fact]
    public void TheTableFitsEightyColumnsAndTiesEachRowToItsInput()
    {
        sandbox.Reset();
        using var shell = new ModuleRunspace();
        Assert.Empty(shell.Run(SandboxFixture.ConnectSender, sandbox.SenderVariables()).AllErrors);

        var table = shell.Render(Results, 80);

        var lines = table.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
        Assert.All(lines, l => Assert.True(l.Length <= 80, $"{l.Length} columns: {l}"));
        Assert.Equal(new[] { "Input", "Status", "To", "Subject", "ErrorId" }, lines[0].Split(' ', System.StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(lines, l => l.Contains("Failed") && l.Contains("InvalidEmailAddress"));
    }

    [Fact]
    public void TheListShowsTheMessageIdInFull()
    {
        sandbox.Reset();
        using var shell = new ModuleRunspace();
        Assert.Empty(shell.Run(SandboxFixture.ConnectSender, sandbox.SenderVariables()).AllErrors);
        var id = (string)shell.Run("($script:sent = Send-GraphMail -To a@fabrikam.com -Subject 'Traced' -PassThru).InternetMessageId").Output.Single().BaseObject;

        var list = shell.Render("$script:sent | Format-List", 80);

        Assert.Contains("InternetMessageId : " + id, list);
        Assert.Contains("To                : a@fabrikam.com", list);
        Assert.DoesNotContain("Draft", list);
    }
}
