using System.Linq;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Behaviour;

/// <summary>Argument completion as a user presses Tab (TabExpansion2), in a real runspace over the built module.</summary>
public sealed class CompletionTests
{
    private static string[] Complete(ModuleRunspace shell, string line) =>
        shell.Run("(TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText", new System.Collections.Hashtable { ["Line"] = line })
            .Succeeded().Objects.Cast<string>().ToArray();

    [Fact]
    public void EncodingCompletesTheNamesSendMailMessageTakes()
    {
        using var shell = new ModuleRunspace();

        Assert.Equal(["ANSI", "ASCII", "BigEndianUnicode", "BigEndianUTF32", "Default", "Latin1", "OEM", "Unicode", "UTF32", "UTF7", "UTF8", "UTF8BOM", "UTF8NoBOM"],
            Complete(shell, "Send-GraphMail -Encoding "));
        Assert.Equal(["UTF32", "UTF7", "UTF8", "UTF8BOM", "UTF8NoBOM"], Complete(shell, "Send-GraphMail -Encoding ut"));
        Assert.Equal(["BigEndianUnicode", "BigEndianUTF32"], Complete(shell, "Send-GraphMail -BE big"));
    }

    [Fact]
    public void EveryCompletedEncodingIsAccepted()
    {
        using var shell = new ModuleRunspace();

        foreach (var name in Complete(shell, "Send-GraphMail -Encoding "))
        {
            var run = shell.Run("$c = (Get-Command Send-GraphMail).Parameters['Encoding']; $v = $Name; foreach ($a in $c.Attributes) { if ($a -is [System.Management.Automation.ArgumentTransformationAttribute]) { $v = $a.Transform($ExecutionContext, $v) } }; $v.WebName",
                new System.Collections.Hashtable { ["Name"] = name });
            Assert.True(run.AllErrors.Count == 0 && run.Objects.Count == 1, name + " completes but is not taken: " + string.Join("; ", run.AllErrors));
        }
    }

    [Theory]
    [InlineData("Connect-GraphMail -Environment ")]
    [InlineData("Test-GraphMailSetup -Environment ")]
    [InlineData("Get-GraphMailConsentUrl -Environment ")]
    [InlineData("Connect-GraphMailAdmin -Environment ")]
    public void EnvironmentCompletesTheClouds(string line)
    {
        using var shell = new ModuleRunspace();

        Assert.Equal(["China", "Global", "USGov", "USGovDoD"], Complete(shell, line).Order());
    }

    [Fact]
    public void RouteAndKindOfAFaultComplete()
    {
        using var shell = new ModuleRunspace();

        Assert.Contains("SendMail", Complete(shell, "Add-GraphMailSandboxFault -Route "), System.StringComparer.OrdinalIgnoreCase);
        Assert.Contains("Throttle", Complete(shell, "Add-GraphMailSandboxFault -Route SendMail -Kind "), System.StringComparer.OrdinalIgnoreCase);
    }
}
