using System.Collections.Generic;
using System.Linq;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Module;

public sealed class ManifestTests
{
    private static readonly Dictionary<string, object?> Manifest = PowerShellDataFile.Read(RepositoryPaths.Manifest);

    private static IReadOnlyList<string> Strings(string key) =>
        Manifest[key] switch
        {
            List<object?> list => list.Cast<string>().ToList(),
            string one => new[] { one },
            var other => throw new Xunit.Sdk.XunitException($"{key} is {other?.GetType().Name ?? "null"}, not a list of strings"),
        };

    [Fact]
    public void CmdletsToExportIsExactlyTheCompiledCmdlets()
    {
        var exported = Strings("CmdletsToExport").OrderBy(n => n).ToList();
        var compiled = CompiledCmdlets.All.Select(c => c.Name).OrderBy(n => n).ToList();

        Assert.DoesNotContain(exported, name => name.Contains('*') || name.Contains('?'));
        Assert.Equal(compiled, exported);
    }

    [Theory]
    [InlineData("FunctionsToExport")]
    [InlineData("VariablesToExport")]
    [InlineData("AliasesToExport")]
    public void NothingButCmdletsIsExported(string key) => Assert.Empty(Strings(key));

    [Theory]
    [InlineData("RequiredAssemblies")]
    [InlineData("NestedModules")]
    [InlineData("ScriptsToProcess")]
    public void LoadsNothingBehindTheLoadContextsBack(string key) => Assert.False(Manifest.ContainsKey(key), key + " must not be set");

    [Fact]
    public void RunsOnBothEditionsFromWindowsPowerShell51()
    {
        Assert.Equal(new[] { "Core", "Desktop" }, Strings("CompatiblePSEditions").OrderBy(e => e));
        Assert.Equal("5.1", Manifest["PowerShellVersion"]);
        Assert.Equal("GraphMail.psm1", Manifest["RootModule"]);
    }

    [Fact]
    public void GalleryDataIsComplete()
    {
        var psData = (Dictionary<string, object?>)((Dictionary<string, object?>)Manifest["PrivateData"]!)["PSData"]!;
        var tags = ((List<object?>)psData["Tags"]!).Cast<string>().ToList();

        Assert.Contains("PSEdition_Core", tags);
        Assert.Contains("PSEdition_Desktop", tags);
        Assert.DoesNotContain(tags, t => t.Contains(' '));
        Assert.StartsWith("https://", (string)psData["ProjectUri"]!);
        Assert.EndsWith("/LICENSE", (string)psData["LicenseUri"]!);
        Assert.EndsWith("CHANGELOG.md", (string)psData["ReleaseNotes"]!);
        Assert.True(System.IO.File.Exists(System.IO.Path.Combine(RepositoryPaths.Root, "LICENSE")));
    }

    [Fact]
    public void FormatFilesNamedInTheManifestShipInTheModule()
    {
        foreach (var format in Strings("FormatsToProcess"))
        {
            Assert.True(System.IO.File.Exists(System.IO.Path.Combine(RepositoryPaths.ModuleDirectory, format)), format);
        }
    }
}
