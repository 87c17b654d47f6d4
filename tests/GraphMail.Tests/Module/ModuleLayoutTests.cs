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
    [InlineData("sandbox/GraphMail.Sandbox.dll")]
    [InlineData("sandbox/GraphMail.Sandbox.runtimeconfig.json")]
    [InlineData("sandbox/Seed/default.json")]
    [InlineData("sandbox/Seed/contoso-app.pfx")]
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
        // The one XML file is the MAML help Get-Help reads (written from docs/en-US at build time); no XML doc files.
        var xml = Directory.GetFiles(Module, "*.xml", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Module, f).Replace('\\', '/')).ToList();
        Assert.Equal(["en-US/GraphMail.dll-Help.xml"], xml);
        Assert.DoesNotContain(files, f => f!.EndsWith(".deps.json", StringComparison.OrdinalIgnoreCase) && f != "GraphMail.Sandbox.deps.json");
    }

    [Fact]
    public void TheSandboxFolderHoldsTheSandboxItsRuntimeFilesAndItsSeedOnly()
    {
        var sandbox = Path.Combine(Module, "sandbox");
        var files = Directory.GetFiles(sandbox, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(sandbox, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal);

        Assert.Equal(
            [
                "GraphMail.Sandbox.deps.json", "GraphMail.Sandbox.dll", "GraphMail.Sandbox.pdb", "GraphMail.Sandbox.runtimeconfig.json",
                "Seed/contoso-app.cer", "Seed/contoso-app.pem", "Seed/contoso-app.pfx", "Seed/default.json", "Seed/seed.schema.json",
            ],
            files);
    }

    [Theory]
    [InlineData("default.json")]
    [InlineData("contoso-app.pfx")]
    [InlineData("contoso-app.pem")]
    public void TheShippedSeedFilesAreTheSourceFiles(string name) =>
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "src", "GraphMail.Sandbox", "Seed", name)),
            File.ReadAllBytes(Path.Combine(Module, "sandbox", "Seed", name)));

    [Fact]
    public void TheSandboxRunsOnAnyNet8OrLaterRuntimeWithAspNetCore()
    {
        using var runtimeConfig = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Module, "sandbox", "GraphMail.Sandbox.runtimeconfig.json")));
        var options = runtimeConfig.RootElement.GetProperty("runtimeOptions");

        Assert.Equal("Major", options.GetProperty("rollForward").GetString());
        Assert.Contains(
            options.GetProperty("frameworks").EnumerateArray().Select(f => (f.GetProperty("name").GetString(), f.GetProperty("version").GetString())),
            f => f == ("Microsoft.AspNetCore.App", "8.0.0"));
    }

    [Theory]
    [InlineData("bin/net8.0/GraphMail.dll")]
    [InlineData("bin/net8.0/GraphMail.Shared.dll")]
    [InlineData("bin/net8.0/deps/GraphMail.Engine.dll")]
    [InlineData("bin/net472/GraphMail.dll")]
    [InlineData("sandbox/GraphMail.Sandbox.dll")]
    public void AssembliesTakeTheManifestVersion(string relativePath)
    {
        var version = AssemblyName.GetAssemblyName(Path.Combine(Module, relativePath)).Version!;
        Assert.Equal(Version.Parse(RepositoryPaths.ModuleVersion), new Version(version.Major, version.Minor, version.Build));
    }

    [Fact]
    public void TheModuleFolderIsNamedForTheManifestVersion() =>
        Assert.Equal(RepositoryPaths.ModuleVersion, new DirectoryInfo(Module).Name);
}
