using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using GraphMail.Docs;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Module;

/// <summary>
/// The docs' Pester examples run as Pester runs them: each is written to a .Tests.ps1 file in a folder of its own, next
/// to the script it tests (the docs' <c># Send-Report.ps1</c> blocks) and the Pester guide's data, and Invoke-Pester
/// runs it in a child pwsh on the Pester the build restored (out/modules). A broken example fails here
/// (docs/README.md, "Pester examples").
/// </summary>
public sealed class DocPesterExampleTests : IClassFixture<DocPesterExampleTests.PesterRun>
{
    /// <summary>The page whose setup and scripts every Pester example may use: the Pester guide.</summary>
    private const string Guide = "docs/sandbox.md";

    /// <summary>An example that must fail: proof that a broken example fails the build.</summary>
    private static readonly DocBlock Broken = new("broken.md", 1, "$message = Get-GraphMailSandboxMessage\n$message | Should -HaveCount 1", null, null, [], null, null);

    private static readonly HashSet<string> Hooks = new(StringComparer.OrdinalIgnoreCase) { "BeforeAll", "AfterAll", "BeforeEach", "AfterEach" };

    private readonly PesterRun _run;

    public DocPesterExampleTests(PesterRun run) => _run = run;

    public static IEnumerable<object[]> PesterBlocks() =>
        DocExampleTests.AllBlocks.Value.Where(DocExampleTests.IsPester).Select(b => new object[] { b.Id });

    /// <summary>
    /// Every example in its own folder, all run by one child pwsh (one start and one import for all: each example
    /// still starts its own sandbox, as a test file does), one Invoke-Pester each; the output of each, by example.
    /// </summary>
    public sealed class PesterRun : IDisposable
    {
        private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("graphmail-docs-pester-");

        public PesterRun()
        {
            var examples = DocExampleTests.AllBlocks.Value.Where(DocExampleTests.IsPester).Append(Broken).ToList();
            var list = new List<string>();
            for (var i = 0; i < examples.Count; i++)
            {
                var folder = Path.Combine(_root.FullName, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Directory.CreateDirectory(folder);
                list.Add(examples[i].Id + "\t" + folder + "\t" + WriteFolder(examples[i], folder));
            }

            File.WriteAllLines(Path.Combine(_root.FullName, "examples.txt"), list);
            File.WriteAllText(Path.Combine(_root.FullName, RunnerName), Runner);
            Output = ChildPowerShell.RunFileAsync(Path.Combine(_root.FullName, RunnerName), Path.GetDirectoryName(Path.GetDirectoryName(BuiltModule.Directory))!, Path.Combine(_root.FullName, "examples.txt")).GetAwaiter().GetResult().Replace("\r\n", "\n", StringComparison.Ordinal);
        }

        /// <summary>Everything the child wrote.</summary>
        public string Output { get; }

        /// <summary>What Pester wrote for one example, ending with its totals line (PESTER: n passed, n failed).</summary>
        public string For(string id)
        {
            var begin = Output.IndexOf("=== BEGIN " + id + "\n", StringComparison.Ordinal);
            Assert.True(begin >= 0, $"{id} did not run:\n{Output}");
            var end = Output.IndexOf("=== END " + id + "\n", begin, StringComparison.Ordinal);
            Assert.True(end >= 0, $"{id} did not finish:\n{Output[begin..]}");
            return Output[begin..end];
        }

        public void Dispose() => _root.Delete(recursive: true);
    }

    [Fact]
    public void ThePesterGuideAndTheReadmeHavePesterExamplesThatRun()
    {
        var ids = PesterBlocks().Select(b => (string)b[0]).ToList();
        Assert.Contains(ids, id => id.StartsWith(Guide + ":", StringComparison.Ordinal));
        Assert.Contains(ids, id => id.StartsWith("README.md:", StringComparison.Ordinal));
        Assert.Contains(ids, id => id.StartsWith("module/en-US/about_GraphMail_Sandbox.help.txt:", StringComparison.Ordinal));
        Assert.Contains(DocExampleTests.AllBlocks.Value, b => DocExampleTests.ScriptFileName(b) == "Send-Report.ps1");
    }

    [Theory]
    [MemberData(nameof(PesterBlocks))]
    public void RunsUnderPester(string block)
    {
        var output = _run.For(block);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(output, @"PESTER: [1-9]\d* passed, 0 failed"),
            $"{block}: the Pester example failed:\n{DocExampleTests.AllBlocks.Value.Single(b => b.Id == block).RunnableCode}\n---\n{output}");
    }

    [Fact]
    public void ABrokenExampleFails()
    {
        var output = _run.For(Broken.Id);
        Assert.Contains("PESTER: 0 passed, 1 failed", output, StringComparison.Ordinal);
        Assert.Contains("Expected a collection with size 1", output, StringComparison.Ordinal);
    }

    /// <summary>Writes the example's test file, the scripts it tests, the setup and the runner; returns the test file's name.</summary>
    private static string WriteFolder(DocBlock doc, string folder)
    {
        var blocks = DocExampleTests.AllBlocks.Value;
        // The scripts under test: the page's own, else the guide's (Send-Report.ps1).
        foreach (var script in blocks.Where(b => DocExampleTests.ScriptFileName(b) is not null)
                     .OrderBy(b => b.File == doc.File ? 0 : b.File == Guide ? 1 : 2)
                     .DistinctBy(b => DocExampleTests.ScriptFileName(b), StringComparer.OrdinalIgnoreCase))
        {
            File.WriteAllText(Path.Combine(folder, DocExampleTests.ScriptFileName(script)!), script.RunnableCode);
        }

        var guideSetup = blocks.FirstOrDefault(b => b.File == Guide)?.Setup;
        var code = doc.RunnableCode;
        var ast = Parser.ParseInput(code, out _, out _);
        var calls = ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>().Select(c => c.GetCommandName()).OfType<string>().ToList();
        string testFile;
        string setup;
        if (calls.Contains("Describe", StringComparer.OrdinalIgnoreCase))
        {
            // A whole test file: as it is, under the name its first line gives (# Send-Report.Tests.ps1); the page's setup
            // runs before Invoke-Pester, in the folder.
            var named = System.Text.RegularExpressions.Regex.Match(code, @"\A#\s*([\w.-]+\.Tests\.ps1)\b");
            testFile = named.Success ? named.Groups[1].Value : "Example.Tests.ps1";
            File.WriteAllText(Path.Combine(folder, testFile), code);
            setup = string.Join("\n", new[] { guideSetup, doc.File == Guide ? null : doc.Setup }.OfType<string>());
        }
        else
        {
            // A part of a test file: in an It (hooks in the Describe around it), after a sandbox was started and connected
            // as the docs' convention has it ($Sandbox, the default of -Sandbox); the page's setup runs first in the It.
            var hooksOnly = ast.EndBlock?.Statements.All(s => s is PipelineAst { PipelineElements: [CommandAst command] } && Hooks.Contains(command.GetCommandName() ?? "")) == true;
            testFile = "Example.Tests.ps1";
            File.WriteAllText(Path.Combine(folder, testFile), $$"""
                BeforeAll {
                    Import-Module GraphMail
                    $global:ConfirmPreference = 'None'
                    $global:Sandbox = Start-GraphMailSandbox
                {{DocExampleTests.PointAtSandbox}}
                    $secret = ConvertTo-SecureString 'Sbx8Q~GraphMailSender.Secret-0001' -AsPlainText -Force
                    Connect-GraphMail -TenantId contoso.com -ClientId 51c27551-41e7-4952-a996-08bd0bfb1752 -ClientSecret $secret -DefaultFrom noreply@contoso.com
                }

                AfterAll {
                    Disconnect-GraphMail -WarningAction SilentlyContinue
                    Stop-GraphMailSandbox -WarningAction SilentlyContinue
                }

                Describe '{{doc.Id}}' {
                {{(hooksOnly ? code : "")}}
                    It 'runs as the docs show it' {
                {{doc.Setup}}
                {{(hooksOnly ? "Send-GraphMail -To ops@contoso.com -Subject 'Between the hooks'\nGet-GraphMailSandboxMessage | Should -Not -BeNullOrEmpty" : code)}}
                    }
                }
                """);
            setup = guideSetup ?? "";
        }

        File.WriteAllText(Path.Combine(folder, SetupName), setup);
        return testFile;
    }

    private const string SetupName = "docs-test-setup.ps1";
    private const string RunnerName = "docs-test-run.ps1";

    /// <summary>
    /// Pester and GraphMail from out/ (as the build lays them out); then for each example: its folder as the location,
    /// its setup, Invoke-Pester on its file, and a clean session for the next (no connection, sandbox or defaults left).
    /// </summary>
    private const string Runner = """
        param([string] $Out, [string] $List)
        $env:PSModulePath = (Join-Path $Out 'modules') + [System.IO.Path]::PathSeparator + $Out + [System.IO.Path]::PathSeparator + $env:PSModulePath
        Import-Module Pester -MinimumVersion 5.5.0 -ErrorAction Stop
        Import-Module GraphMail -ErrorAction Stop
        foreach ($line in Get-Content -LiteralPath $List) {
            $id, $folder, $file = $line -split "`t"
            Write-Host "=== BEGIN $id"
            Set-Location -LiteralPath $folder
            try {
                & { . ./docs-test-setup.ps1 }
                $configuration = New-PesterConfiguration
                $configuration.Run.Path = Join-Path $folder $file
                $configuration.Run.PassThru = $true
                $configuration.Output.Verbosity = 'Detailed'
                $configuration.Output.RenderMode = 'Plaintext'
                $result = Invoke-Pester -Configuration $configuration
                Write-Host ('PESTER: {0} passed, {1} failed' -f $result.PassedCount, ($result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount))
            }
            catch {
                Write-Host "PESTER: 0 passed, 1 failed: $_"
            }
            finally {
                Disconnect-GraphMail -WarningAction SilentlyContinue
                Stop-GraphMailSandbox -WarningAction SilentlyContinue
                $global:PSDefaultParameterValues.Clear()
                Write-Host "=== END $id"
            }
        }
        """;
}
