using System.Linq;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Module;

/// <summary>The built module imports into a real runspace and exports what its manifest says.</summary>
public sealed class ImportTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public void Exports_exactly_the_manifests_cmdlets()
    {
        using var shell = new ModuleRunspace();

        var run = shell.Run("""
            $manifest = & $Reader $ManifestPath
            $manifest.CmdletsToExport | Sort-Object
            '--'
            (Get-Module GraphMail).ExportedCmdlets.Keys | Sort-Object
            """, new System.Collections.Hashtable
            {
                ["ManifestPath"] = BuiltModule.Manifest,
                ["Reader"] = System.IO.Path.Combine(BuiltModule.RepositoryRoot, "tools", "Read-ModuleManifest.ps1"),
            });

        Assert.Null(run.Terminating);
        var lines = run.Objects.Cast<string>().ToList();
        var split = lines.IndexOf("--");
        Assert.True(split > 0, "the manifest lists no cmdlets");
        Assert.Equal(lines.Take(split), lines.Skip(split + 1));
    }

    [Fact]
    public void Connects_and_sends_to_the_sandbox()
    {
        sandbox.Reset();
        using var shell = new ModuleRunspace();

        var run = shell.Run(SandboxFixture.ConnectSender + """

            Send-GraphMail -To ops@contoso.com -Subject 'From a real runspace' -Body 'hello' -PassThru
            """, sandbox.SenderVariables());

        Assert.Null(run.Terminating);
        Assert.Empty(run.Errors);
        var result = Assert.Single(run.Output);
        Assert.Equal("Sent", result.Properties["Status"].Value.ToString());
        var message = Assert.Single(sandbox.Control.GetMessages());
        Assert.Equal("From a real runspace", message.Subject);
        Assert.Equal(result.Properties["InternetMessageId"].Value, message.InternetMessageId);
    }
}
