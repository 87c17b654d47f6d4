using System.Linq;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.SandboxHosting;

/// <summary>The sandbox cmdlets' public shape, read from the built GraphMail.dll.</summary>
public sealed class SandboxCmdletContractTests
{
    private static readonly string[] TalkToASandbox =
        ["Stop-GraphMailSandbox", "Get-GraphMailSandboxMessage", "Clear-GraphMailSandboxMessage", "Add-GraphMailSandboxFault", "Clear-GraphMailSandboxFault"];

    [Fact]
    public void StartTakesAnOptionalPortAndSeedAndReturnsTheInstance()
    {
        var start = CompiledCmdlets.Get("Start-GraphMailSandbox");

        Assert.Equal(["Port:System.Int32", "SeedPath:System.String"], start.Parameters.Select(p => $"{p.Name}:{p.TypeName}").OrderBy(n => n));
        Assert.DoesNotContain(start.Parameters, p => p.Mandatory);
        Assert.Equal(["GraphMail.SandboxInstance"], start.OutputTypes);
    }

    [Theory]
    [InlineData("Stop-GraphMailSandbox")]
    [InlineData("Get-GraphMailSandboxMessage")]
    [InlineData("Clear-GraphMailSandboxMessage")]
    [InlineData("Add-GraphMailSandboxFault")]
    [InlineData("Clear-GraphMailSandboxFault")]
    public void SandboxIsOptionalAndTakesTheInstanceFromThePipeline(string name)
    {
        var sandbox = Assert.Single(CompiledCmdlets.Get(name).Parameters, p => p.Name == "Sandbox");

        Assert.Equal(("GraphMail.SandboxInstance", "__AllParameterSets", false, true), (sandbox.TypeName, sandbox.ParameterSet, sandbox.Mandatory, sandbox.ValueFromPipeline));
    }

    [Fact]
    public void NoneOfThemPromptsOrTakesWhatIf() =>
        Assert.All(TalkToASandbox.Append("Start-GraphMailSandbox"), name => Assert.False(CompiledCmdlets.Get(name).SupportsShouldProcess, name));

    [Fact]
    public void GetReturnsMessagesFilteredByAnOptionalMailbox()
    {
        var get = CompiledCmdlets.Get("Get-GraphMailSandboxMessage");
        var mailbox = get.Parameters.Single(p => p.Name == "Mailbox");

        Assert.Equal(("System.String", (int?)0, false), (mailbox.TypeName, mailbox.Position, mailbox.Mandatory));
        Assert.Equal(["GraphMail.SandboxMessage"], get.OutputTypes);
    }

    [Fact]
    public void AddFaultValidatesRouteAndKindAgainstTheOneListInShared()
    {
        Assert.Equal(SandboxFaultNames.Routes, CompiledCmdlets.ValidateSetOf("Add-GraphMailSandboxFault", "Route"));
        Assert.Equal(SandboxFaultNames.Kinds, CompiledCmdlets.ValidateSetOf("Add-GraphMailSandboxFault", "Kind"));
    }

    [Fact]
    public void AddFaultTakesACountOrARatio()
    {
        var add = CompiledCmdlets.Get("Add-GraphMailSandboxFault");
        string Describe(string name) => string.Join(";", add.Parameters.Where(p => p.Name == name).Select(p => $"{p.ParameterSet}:{p.Mandatory}:{p.Position}"));

        Assert.Equal("Count", add.DefaultParameterSet);
        Assert.Equal("__AllParameterSets:True:0", Describe("Route"));
        Assert.Equal("__AllParameterSets:True:1", Describe("Kind"));
        Assert.Equal("Count:False:", Describe("Count"));
        Assert.Equal("Ratio:True:", Describe("Ratio"));
        Assert.Equal("__AllParameterSets:False:", Describe("RetryAfterSeconds"));
        Assert.Equal(["LatencyMs"], add.Parameters.Single(p => p.Name == "LatencyMilliseconds").Aliases);
    }

    [Theory]
    [InlineData("Start-GraphMailSandbox")]
    [InlineData("Stop-GraphMailSandbox")]
    [InlineData("Get-GraphMailSandboxMessage")]
    [InlineData("Clear-GraphMailSandboxMessage")]
    [InlineData("Add-GraphMailSandboxFault")]
    [InlineData("Clear-GraphMailSandboxFault")]
    public void ParametersAndOutputsUseOnlyBclPowerShellAndGraphMailSharedTypes(string name)
    {
        var cmdlet = CompiledCmdlets.Get(name);

        Assert.All(cmdlet.Parameters.Select(p => p.TypeName).Concat(cmdlet.OutputTypes), type =>
            Assert.True(type.StartsWith("System.", System.StringComparison.Ordinal) || typeof(SandboxInstance).Assembly.GetType(type) is not null, type));
    }
}
