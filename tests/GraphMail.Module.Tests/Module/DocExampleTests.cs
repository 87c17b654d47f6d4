using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.Json.Nodes;
using GraphMail.Docs;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Module;

/// <summary>
/// Docs that cannot drift: every PowerShell block of docs/en-US/*.md, README.md and module/en-US/about_*.help.txt runs
/// in a real runspace against a sandbox, with the convention of docs/README.md; the blocks that cannot run here are
/// listed by <see cref="CannotRunHere"/> with the reason.
/// </summary>
public sealed class DocExampleTests : IClassFixture<DocExampleTests.DocSandbox>
{
    /// <summary>Commands that need a person or a desktop: a block that calls one is listed, not run.</summary>
    private static readonly Dictionary<string, string> Interactive = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Read-Host"] = "asks a person to type (Read-Host)",
        ["Get-Credential"] = "asks a person to type (Get-Credential)",
        ["Start-Process"] = "opens a browser (Start-Process)",
        ["Invoke-Item"] = "opens a file in its desktop application (Invoke-Item)",
        ["Set-Clipboard"] = "uses the clipboard of a desktop (Set-Clipboard)",
        ["Get-Clipboard"] = "uses the clipboard of a desktop (Get-Clipboard)",
    };

    /// <summary>Pester's commands: a block that calls them (and nothing else missing) runs as a Pester test file (<see cref="DocPesterExampleTests"/>).</summary>
    internal static readonly HashSet<string> PesterCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        "Describe", "Context", "It", "Should", "BeforeAll", "AfterAll", "BeforeEach", "AfterEach", "BeforeDiscovery", "Mock", "InModuleScope",
    };

    internal static readonly Lazy<IReadOnlyList<DocBlock>> AllBlocks = new(ReadAll);
    private static readonly Lazy<HashSet<string>> KnownCommands = new(ReadKnownCommands);
    private readonly DocSandbox _sandbox;

    public DocExampleTests(DocSandbox sandbox) => _sandbox = sandbox;

    /// <summary>
    /// One sandbox, started with Start-GraphMailSandbox (the module's own), for every block: the default seed, with its
    /// Global Administrator approving device-code sign-ins at once and no replication delay.
    /// </summary>
    public sealed class DocSandbox : IDisposable
    {
        private readonly ModuleRunspace _owner = new();
        private readonly string _seed = Path.Combine(Path.GetTempPath(), "graphmail-docs-seed-" + Guid.NewGuid().ToString("N") + ".json");

        public DocSandbox()
        {
            var seed = JsonNode.Parse(File.ReadAllText(Path.Combine(BuiltModule.Directory, "sandbox", "Seed", "default.json")), documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
            seed["limits"]!["deviceCodeApprover"] = "admin@contoso.com";
            seed["limits"]!["replicationDelaySeconds"] = 0;
            File.WriteAllText(_seed, seed.ToJsonString());
            Instance = _owner.Run("Start-GraphMailSandbox -SeedPath $seed", new Hashtable { ["seed"] = _seed }).Succeeded().Output.Single();
        }

        /// <summary>The SandboxInstance Start-GraphMailSandbox wrote.</summary>
        public PSObject Instance { get; }

        public void Dispose()
        {
            _owner.Run("Stop-GraphMailSandbox");
            _owner.Dispose();
            File.Delete(_seed);
        }
    }

    public static IEnumerable<object[]> Runnable() => AllBlocks.Value.Where(b => WhyNot(b) is null && !IsPester(b) && ScriptFileName(b) is null).Select(b => new object[] { b.Id });

    public static IEnumerable<object[]> NotRunnable() => AllBlocks.Value.Select(b => (b.Id, Reason: WhyNot(b))).Where(b => b.Reason is not null).Select(b => new object[] { b.Id, b.Reason! });

    [Fact]
    public void TheDocsHaveBlocksAndMostRunHere()
    {
        var runnable = Runnable().Count() + DocPesterExampleTests.PesterBlocks().Count();
        Assert.True(runnable > 0 && runnable >= NotRunnable().Count(), $"{runnable} blocks run, {NotRunnable().Count()} cannot: mark fewer, fix more");
    }

    [Theory]
    [MemberData(nameof(Runnable))]
    public void RunsAgainstTheSandbox(string block)
    {
        var doc = AllBlocks.Value.Single(b => b.Id == block);
        var folder = Directory.CreateTempSubdirectory("graphmail-docs-");
        using var shell = new ModuleRunspace();
        try
        {
            var variables = new Hashtable
            {
                ["Sandbox"] = _sandbox.Instance,
                ["DocsFolder"] = folder.FullName,
                ["GraphMailManifest"] = BuiltModule.Manifest,
            };
            shell.Run(Prelude, variables).Succeeded();
            if (doc.Setup is not null)
            {
                var setup = shell.Run(doc.Setup);
                Assert.True(setup.AllErrors.Count == 0, $"{block}: the page's docs-test setup failed: {string.Join("; ", setup.AllErrors)}");
            }

            var run = RunWithin(shell, block, ". {\n" + doc.RunnableCode + "\n} 3>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.WarningRecord]) { 'WARNING: ' + $_.Message } else { $_ } } | Out-String -Width 120");
            if (doc.ExpectedErrorId is { } errorId)
            {
                Assert.True(run.AllErrors.Any(e => e.FullyQualifiedErrorId.StartsWith(errorId + ",", StringComparison.Ordinal)),
                    $"{block}: expected the error {errorId}, got: {string.Join("; ", run.AllErrors.Select(e => e.FullyQualifiedErrorId))}");
            }
            else
            {
                Assert.True(run.AllErrors.Count == 0, $"{block} failed:\n{doc.RunnableCode}\n---\n" + string.Join("\n", run.AllErrors.Select(e => e.FullyQualifiedErrorId + ": " + e)));
            }

            if (doc.ExpectedOutput is not null)
            {
                OutputComparison.AssertMatches(block, doc.ExpectedOutput, string.Concat(run.Output.Select(o => o?.BaseObject as string)));
            }
        }
        finally
        {
            shell.Run("Disconnect-GraphMail -WarningAction SilentlyContinue; Disconnect-GraphMailAdmin -WarningAction SilentlyContinue; Stop-GraphMailSandbox -WarningAction SilentlyContinue");
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Runs a block; one that waits for something that never comes (a prompt, a sign-in) is stopped and fails.</summary>
    private static (IReadOnlyList<PSObject> Output, IReadOnlyList<ErrorRecord> AllErrors) RunWithin(ModuleRunspace shell, string block, string script)
    {
        using var run = PowerShell.Create();
        run.Runspace = shell.Runspace;
        run.AddScript(script);
        var pending = run.BeginInvoke();
        if (!pending.AsyncWaitHandle.WaitOne(TimeSpan.FromMinutes(2)))
        {
            run.Stop();
            Assert.Fail($"{block} was still running after 2 minutes (waiting for a person?): stopped. Mark it '<!-- docs-test: skip ... -->' or make it runnable.");
        }

        var errors = new List<ErrorRecord>();
        var output = new List<PSObject>();
        try
        {
            output.AddRange(run.EndInvoke(pending));
        }
        catch (RuntimeException e)
        {
            errors.Add(e.ErrorRecord);
        }

        errors.InsertRange(0, run.Streams.Error);
        return (output, errors);
    }

    [Theory]
    [MemberData(nameof(NotRunnable))]
    public void CannotRunHere(string block, string reason)
    {
        Assert.Contains(AllBlocks.Value, b => b.Id == block);
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    /// <summary>
    /// Before every block: a folder of its own as the current location, no confirmation prompts (a yes), every GraphMail
    /// command that takes -Sandbox pointed at $Sandbox ($PSDefaultParameterValues; Stop-GraphMailSandbox left alone):
    /// the test's sandbox, or the one a block starts as $sandbox; and the sandbox's messages and faults cleared.
    /// </summary>
    private const string Prelude = """
        Set-Location -LiteralPath $DocsFolder
        $global:ConfirmPreference = 'None'

        """ + PointAtSandbox + """

        Clear-GraphMailSandboxMessage
        Clear-GraphMailSandboxFault
        """;

    /// <summary>Every GraphMail command that takes -Sandbox (but Stop-GraphMailSandbox) defaults to $global:Sandbox.</summary>
    internal const string PointAtSandbox = """
        # Evaluated at each call: $Sandbox is the test's sandbox until a block assigns its own ($sandbox = Start-GraphMailSandbox).
        foreach ($command in Get-Command -Module GraphMail) {
            $parameter = $command.Parameters['Sandbox']
            if ($parameter -and $command.Name -notin 'Stop-GraphMailSandbox', 'Test-GraphMailSetup') {
                $global:PSDefaultParameterValues["$($command.Name):Sandbox"] = if ($parameter.ParameterType -eq [string]) { { $global:Sandbox.ReadyLine } } else { { $global:Sandbox } }
            }
        }
        # Test-GraphMailSetup tests the current connection as it is, unless given credentials: only then the sandbox.
        $global:PSDefaultParameterValues['Test-GraphMailSetup:Sandbox'] = {
            if (@($args[0].BoundParameters) | Where-Object { $_ -in 'TenantId', 'ClientId', 'Credential', 'ManagedIdentity', 'EnvironmentVariable', 'Application' }) { $global:Sandbox.ReadyLine }
        }
        """;

    /// <summary>Commands a block calls that it does not define itself.</summary>
    private static List<string> CalledCommands(ScriptBlockAst ast)
    {
        var defined = ast.FindAll(a => a is FunctionDefinitionAst, true).Cast<FunctionDefinitionAst>().Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>().Select(c => c.GetCommandName()).OfType<string>()
            .Where(n => !defined.Contains(n) && !n.StartsWith('.') && !n.Contains('/') && !n.Contains('\\')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>A block that can run here and calls Pester (Describe, It, Should, BeforeAll, ...): it runs as a Pester test file.</summary>
    internal static bool IsPester(DocBlock block) =>
        WhyNot(block) is null && CalledCommands(Parser.ParseInput(block.RunnableCode, out _, out _)).Any(PesterCommands.Contains);

    /// <summary>
    /// The script a block is, when its first line names it (<c># Send-Report.ps1</c>, not a .Tests.ps1): it is not run
    /// on its own but written next to every Pester example, as the script they test (docs/README.md).
    /// </summary>
    internal static string? ScriptFileName(DocBlock block)
    {
        var match = System.Text.RegularExpressions.Regex.Match(block.Code, @"\A#\s*([\w.-]+\.ps1)\s*\r?\n");
        return match.Success && !match.Groups[1].Value.EndsWith(".Tests.ps1", StringComparison.OrdinalIgnoreCase) ? match.Groups[1].Value : null;
    }

    /// <summary>Why a block cannot run here: its skip marker, or a command this machine does not have or that needs a person.</summary>
    internal static string? WhyNot(DocBlock block)
    {
        if (block.SkipReason is not null)
        {
            return block.SkipReason;
        }

        var ast = Parser.ParseInput(block.RunnableCode, out _, out var errors);
        if (errors.Length > 0)
        {
            return null; // run it, so the parse error fails the test
        }

        var names = CalledCommands(ast);
        var interactive = names.Where(Interactive.ContainsKey).Select(n => Interactive[n]).FirstOrDefault();
        if (interactive is not null)
        {
            return interactive;
        }

        var missing = names.Where(n => !KnownCommands.Value.Contains(n) && !PesterCommands.Contains(n)).ToList();
        return missing.Count > 0 ? "needs " + string.Join(", ", missing) + ", not installed here" : null;
    }

    private static IReadOnlyList<DocBlock> ReadAll()
    {
        var root = BuiltModule.RepositoryRoot;
        var blocks = new List<DocBlock>();
        foreach (var page in Directory.GetFiles(Path.Combine(root, "docs", "en-US"), "*.md").Order(StringComparer.Ordinal))
        {
            blocks.AddRange(DocBlockReader.Read(page, "docs/en-US/" + Path.GetFileName(page)));
        }

        blocks.AddRange(DocBlockReader.Read(Path.Combine(root, "README.md"), "README.md"));
        blocks.AddRange(DocBlockReader.Read(Path.Combine(root, "docs", "sandbox.md"), "docs/sandbox.md"));
        foreach (var topic in Directory.GetFiles(Path.Combine(root, "module", "en-US"), "about_*.help.txt").Order(StringComparer.Ordinal))
        {
            // A topic is a walkthrough: each block runs after the topic's earlier blocks that can run here.
            var earlier = new List<string>();
            foreach (var block in AboutTopicBlocks.Read(topic, "module/en-US/" + Path.GetFileName(topic)))
            {
                blocks.Add(block with { Setup = earlier.Count > 0 ? string.Join("\n", earlier) : null });
                if (WhyNot(block) is null && !IsPester(block))
                {
                    earlier.Add(block.Code);
                }
            }
        }

        return blocks;
    }

    /// <summary>Cmdlets, functions and aliases a runspace with GraphMail has (native programs are not counted).</summary>
    private static HashSet<string> ReadKnownCommands()
    {
        using var shell = new ModuleRunspace();
        var run = shell.Run("Get-Command -CommandType Cmdlet, Function, Alias | ForEach-Object Name").Succeeded();
        return run.Output.Select(o => o.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
