using System.Collections;
using System.IO;
using System.Linq;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Module;

/// <summary>GraphMail.psd1 as PowerShell reads it (tools/Read-ModuleManifest.ps1 for this edition, Test-ModuleManifest).</summary>
public sealed class ManifestTests
{
    private static readonly Hashtable Manifest = Read();

    private static Hashtable Read()
    {
        using var shell = new ModuleRunspace();
        var run = shell.Run("& $Reader $Path", new Hashtable
        {
            ["Reader"] = Path.Combine(BuiltModule.RepositoryRoot, "tools", "Read-ModuleManifest.ps1"),
            ["Path"] = Path.Combine(BuiltModule.RepositoryRoot, "GraphMail.psd1"),
        });
        Assert.Null(run.Terminating);
        return Assert.IsType<Hashtable>(Assert.Single(run.Objects));
    }

    private static string[] Strings(string key) =>
        Manifest[key] switch
        {
            object[] list => list.Cast<string>().ToArray(),
            string one => [one],
            var other => throw new Xunit.Sdk.XunitException($"{key} is {other?.GetType().Name ?? "null"}, not a list of strings"),
        };

    [Fact]
    public void CmdletsToExportIsExactlyTheBinaryModulesCmdlets()
    {
        using var shell = new ModuleRunspace();
        var run = shell.Run("(Import-Module -Name $Binary -PassThru -Force).ExportedCmdlets.Keys | Sort-Object", new Hashtable
        {
            ["Binary"] = Path.Combine(BuiltModule.Directory, "bin", "net8.0", "GraphMail.dll"),
        });
        var exported = Strings("CmdletsToExport").OrderBy(n => n, System.StringComparer.OrdinalIgnoreCase).ToList();

        Assert.Null(run.Terminating);
        Assert.DoesNotContain(exported, name => name.Contains('*') || name.Contains('?'));
        Assert.Equal(run.Objects.Cast<string>(), exported);
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
        Assert.Equal(["Core", "Desktop"], Strings("CompatiblePSEditions").OrderBy(e => e));
        // Read here by PowerShell 7: the Core branch of the manifest's $PSEdition choices.
        Assert.Equal("7.4", Manifest["PowerShellVersion"]);
        Assert.Equal("bin/net8.0/GraphMail.dll", Manifest["RootModule"]);
    }

    [Fact]
    public void WindowsPowerShellGetsTheNet472BuildFrom51()
    {
        var text = File.ReadAllText(Path.Combine(BuiltModule.RepositoryRoot, "GraphMail.psd1"));

        Assert.Contains("RootModule           = if ($PSEdition -eq 'Core') { 'bin/net8.0/GraphMail.dll' } else { 'bin/net472/GraphMail.dll' }", text);
        Assert.Contains("PowerShellVersion    = if ($PSEdition -eq 'Core') { '7.4' } else { '5.1' }", text);
        Assert.True(File.Exists(Path.Combine(BuiltModule.Directory, "bin", "net472", "GraphMail.dll")));
    }

    [Fact]
    public void GalleryDataIsComplete()
    {
        var psData = (Hashtable)((Hashtable)Manifest["PrivateData"]!)["PSData"]!;
        var tags = ((object[])psData["Tags"]!).Cast<string>().ToList();

        Assert.Contains("PSEdition_Core", tags);
        Assert.Contains("PSEdition_Desktop", tags);
        Assert.DoesNotContain(tags, t => t.Contains(' '));
        Assert.StartsWith("https://", (string)psData["ProjectUri"]!);
        Assert.EndsWith("/LICENSE", (string)psData["LicenseUri"]!);
        Assert.EndsWith("CHANGELOG.md", (string)psData["ReleaseNotes"]!);
        Assert.True(File.Exists(Path.Combine(BuiltModule.RepositoryRoot, "LICENSE")));
    }

    [Fact]
    public void TheBuiltManifestPassesTestModuleManifestAndItsFormatFilesShip()
    {
        using var shell = new ModuleRunspace();
        var run = shell.Run("Test-ModuleManifest -Path $Path", new Hashtable { ["Path"] = BuiltModule.Manifest });

        Assert.Null(run.Terminating);
        Assert.Empty(run.Errors);
        foreach (var format in Strings("FormatsToProcess"))
        {
            Assert.True(File.Exists(Path.Combine(BuiltModule.Directory, format)), format);
        }
    }
}
