using System.Collections.Generic;
using System.IO;
using System.Linq;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Module;

/// <summary>Docs move with code: every cmdlet the module exports has a platyPS page that documents each of its parameters.</summary>
public sealed class CommandDocsTests
{
    public static IEnumerable<object[]> Cmdlets() => CommandMetadata.All.Select(c => new object[] { c.Name });

    private static string PageOf(string cmdlet)
    {
        var path = Path.Combine(BuiltModule.RepositoryRoot, "docs", "en-US", cmdlet + ".md");
        Assert.True(File.Exists(path), "docs/en-US/" + cmdlet + ".md is missing");
        return File.ReadAllText(path);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void EveryCmdletHasAPlatyPsPage(string cmdlet)
    {
        var page = PageOf(cmdlet);

        Assert.Matches(@"^---\r?\n(.*\r?\n)*?Module Name: GraphMail\r?\n(.*\r?\n)*?---", page);
        Assert.Contains("# " + cmdlet, page);
        foreach (var section in new[] { "## SYNOPSIS", "## SYNTAX", "## DESCRIPTION", "## EXAMPLES", "## PARAMETERS", "## INPUTS", "## OUTPUTS", "## RELATED LINKS" })
        {
            Assert.Contains(section, page);
        }

        // Example 1 shows the cmdlet (docs-test comments may sit between its heading and its code).
        var examples = GraphMail.Docs.HelpPageReader.Read(Path.Combine(BuiltModule.RepositoryRoot, "docs", "en-US", cmdlet + ".md")).Examples;
        Assert.Contains(cmdlet, Assert.IsType<GraphMail.Docs.ExampleDoc>(examples.FirstOrDefault()).Code, System.StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void EveryParameterIsDocumented(string cmdlet)
    {
        var page = PageOf(cmdlet);
        foreach (var parameter in CommandMetadata.Get(cmdlet).ParameterNames)
        {
            Assert.Contains("### -" + parameter + "\n", page.Replace("\r\n", "\n"));
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void EveryCmdletHasAPesterFile(string cmdlet) =>
        Assert.True(File.Exists(Path.Combine(BuiltModule.RepositoryRoot, "tests", cmdlet + ".Tests.ps1")), "tests/" + cmdlet + ".Tests.ps1 is missing");
}
