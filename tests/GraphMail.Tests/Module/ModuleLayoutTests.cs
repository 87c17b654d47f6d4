using System;
using System.IO;
using System.Linq;
using System.Reflection;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Module;

public sealed class ModuleLayoutTests
{
    private static string Module => RepositoryPaths.ModuleDirectory;

    private static string Core => Path.Combine(Module, "bin", "net8.0");

    private static string Desktop => Path.Combine(Module, "bin", "net472");

    [Theory]
    [InlineData("GraphMail.psd1")]
    [InlineData("GraphMail.psm1")]
    [InlineData("GraphMail.Format.ps1xml")]
    [InlineData("LICENSE")]
    [InlineData("en-US/about_GraphMail.help.txt")]
    [InlineData("bin/net8.0/GraphMail.dll")]
    [InlineData("bin/net8.0/GraphMail.Shared.dll")]
    [InlineData("bin/net8.0/deps/GraphMail.Engine.dll")]
    [InlineData("bin/net8.0/deps/Microsoft.Identity.Client.dll")]
    [InlineData("bin/net8.0/deps/Microsoft.Graph.dll")]
    [InlineData("bin/net472/GraphMail.dll")]
    [InlineData("bin/net472/GraphMail.Engine.dll")]
    [InlineData("bin/net472/Microsoft.Identity.Client.dll")]
    public void ShipsFile(string relativePath) =>
        Assert.True(File.Exists(Path.Combine(Module, relativePath)), relativePath + " is missing from " + Module);

    [Fact]
    public void EveryModuleSideFileShips()
    {
        var source = Path.Combine(RepositoryPaths.Root, "module");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            Assert.True(File.Exists(Path.Combine(Module, relative)), relative);
        }
    }

    [Fact]
    public void OnlyGraphMailsFaceSitsInTheDefaultContextFolder()
    {
        var face = Directory.GetFiles(Core, "*.dll").Select(Path.GetFileName).OrderBy(n => n);
        Assert.Equal(new[] { "GraphMail.dll", "GraphMail.Shared.dll" }, face);
    }

    [Fact]
    public void NoPowerShellStubAndNoXmlDocsShip()
    {
        var files = Directory.GetFiles(Module, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.DoesNotContain("System.Management.Automation.dll", files);
        Assert.DoesNotContain(files, f => f!.EndsWith(".xml", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(files, f => f!.EndsWith(".deps.json", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("bin/net8.0/GraphMail.dll")]
    [InlineData("bin/net8.0/GraphMail.Shared.dll")]
    [InlineData("bin/net8.0/deps/GraphMail.Engine.dll")]
    [InlineData("bin/net472/GraphMail.dll")]
    public void AssembliesTakeTheManifestVersion(string relativePath)
    {
        var version = AssemblyName.GetAssemblyName(Path.Combine(Module, relativePath)).Version!;
        Assert.Equal(Version.Parse(RepositoryPaths.ModuleVersion), new Version(version.Major, version.Minor, version.Build));
    }

    [Fact]
    public void TheModuleFolderIsNamedForTheManifestVersion() =>
        Assert.Equal(RepositoryPaths.ModuleVersion, new DirectoryInfo(Module).Name);
}
