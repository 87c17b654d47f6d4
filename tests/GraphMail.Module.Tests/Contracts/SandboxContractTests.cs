using System.Linq;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Contracts;

/// <summary>The sandbox cmdlets' public shape, from Get-Command.</summary>
public sealed class SandboxContractTests
{
    private static readonly string[] TalkToASandbox =
        ["Stop-GraphMailSandbox", "Get-GraphMailSandboxMessage", "Clear-GraphMailSandboxMessage", "Add-GraphMailSandboxFault", "Clear-GraphMailSandboxFault"];

    [Fact]
    public void StartTakesAnOptionalPortAndSeedAndReturnsTheInstance()
    {
        var start = CommandMetadata.Get("Start-GraphMailSandbox");

        Assert.Equal(["Port:System.Int32", "SeedPath:System.String"], start.Parameters.Select(p => $"{p.Name}:{p.TypeName}").OrderBy(n => n));
        Assert.DoesNotContain(start.Parameters, p => p.Mandatory);
        Assert.Equal(["GraphMail.SandboxInstance"], start.OutputTypeNames);
    }

    [Theory]
    [InlineData("Stop-GraphMailSandbox")]
    [InlineData("Get-GraphMailSandboxMessage")]
    [InlineData("Clear-GraphMailSandboxMessage")]
    [InlineData("Add-GraphMailSandboxFault")]
    [InlineData("Clear-GraphMailSandboxFault")]
    public void SandboxIsOptionalAndTakesTheInstanceFromThePipeline(string name)
    {
        var sandbox = Assert.Single(CommandMetadata.Get(name).Parameters, p => p.Name == "Sandbox");

        Assert.Equal(("GraphMail.SandboxInstance", "__AllParameterSets", false, true), (sandbox.TypeName, sandbox.ParameterSet, sandbox.Mandatory, sandbox.ValueFromPipeline));
    }

    [Fact]
    public void NoneOfThemPromptsOrTakesWhatIf() =>
        Assert.All(TalkToASandbox.Append("Start-GraphMailSandbox"), name => Assert.False(CommandMetadata.Get(name).SupportsShouldProcess, name));

    [Fact]
    public void GetReturnsMessagesFilteredByAnOptionalMailbox()
    {
        var get = CommandMetadata.Get("Get-GraphMailSandboxMessage");
        var mailbox = get.Parameter("Mailbox");

        Assert.Equal(("System.String", (int?)0, false), (mailbox.TypeName, mailbox.Position, mailbox.Mandatory));
        Assert.Equal(["GraphMail.SandboxMessage"], get.OutputTypeNames);
    }

    [Fact]
    public void AddFaultValidatesRouteAndKindAgainstTheOneListInShared()
    {
        using var shell = new ModuleRunspace();
        var run = shell.Run("[GraphMail.SandboxFaultNames]::Routes -join ','; [GraphMail.SandboxFaultNames]::Kinds -join ','");
        var add = CommandMetadata.Get("Add-GraphMailSandboxFault");

        Assert.Equal(run.Objects[0], string.Join(",", add.Parameter("Route").ValidValues));
        Assert.Equal(run.Objects[1], string.Join(",", add.Parameter("Kind").ValidValues));
        Assert.Contains("sendMail", add.Parameter("Route").ValidValues);
    }

    [Fact]
    public void AddFaultTakesACountOrARatio()
    {
        var add = CommandMetadata.Get("Add-GraphMailSandboxFault");
        string Describe(string name) => string.Join(";", add.Parameters.Where(p => p.Name == name).Select(p => $"{p.ParameterSet}:{p.Mandatory}:{p.Position}"));

        Assert.Equal("Count", add.DefaultParameterSet);
        Assert.Equal("__AllParameterSets:True:0", Describe("Route"));
        Assert.Equal("__AllParameterSets:True:1", Describe("Kind"));
        Assert.Equal("Count:False:", Describe("Count"));
        Assert.Equal("Ratio:True:", Describe("Ratio"));
        Assert.Equal("__AllParameterSets:False:", Describe("RetryAfterSeconds"));
        Assert.Equal(["LatencyMs"], add.Parameter("LatencyMilliseconds").Aliases);
    }
}
