using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Module.Tests.Infrastructure;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Module.Tests.Delivery;

/// <summary>
/// A pwsh process killed in the middle of an ExactlyOnce run (while /send requests are on the wire), then the same
/// command rerun with its journal: every message delivered once, none missing, per the sandbox's record.
/// </summary>
public sealed class CrashTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const int Messages = 24;

    private const string ChildScript = """
        param($Manifest, $ReadyLine, $ClientId, $Secret, $Journal, $Count)
        $ErrorActionPreference = 'Stop'
        Import-Module $Manifest
        Connect-GraphMail -Sandbox $ReadyLine -TenantId contoso.com -ClientId $ClientId -ClientSecret (ConvertTo-SecureString $Secret -AsPlainText -Force) -DefaultFrom noreply@contoso.com
        1..$Count | ForEach-Object { [pscustomobject]@{ To = "u$_@fabrikam.com"; Subject = "merge $_"; MessageKey = "row-$_" } } |
            Send-GraphMail -Delivery ExactlyOnce -Journal $Journal
        """;

    [Fact]
    public async Task AProcessKilledWhileSendingIsFinishedByARerunWithItsJournalWithoutDuplicatesOrGaps()
    {
        using var shell = new DeliveryShell(sandbox);
        var script = Path.Combine(Path.GetTempPath(), "graphmail-crash-" + Guid.NewGuid().ToString("N") + ".ps1");
        File.WriteAllText(script, ChildScript);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            using (var pause = sandbox.Control.PauseRoute(RouteNames.Send))
            {
                using var child = Start(script, shell.JournalPath);
                // The event: three /send requests are on the wire (their drafts are in the journal), none answered.
                await pause.WaitForArrivalsAsync(3, timeout.Token);
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync(timeout.Token);
            }

            Assert.True(File.ReadAllLines(shell.JournalPath).Length >= 3);
            Assert.True(sandbox.Control.GetMessages().Count < Messages);

            var rerun = shell.Run(DeliveryShell.Rows(1, Messages) + " | Send-GraphMail -Delivery ExactlyOnce -Journal $Journal -PassThru");

            Assert.Empty(rerun.AllErrors);
            Assert.Equal(Messages, rerun.Output.Count);
            Assert.All(rerun.Output, r => Assert.Contains(r.Properties["Status"].Value.ToString(), new[] { "Sent", "Skipped" }));
            var delivered = DeliveryShell.BySubject(sandbox.Control);
            Assert.All(Enumerable.Range(1, Messages), n => Assert.Single(delivered[$"merge {n}"]));
            Assert.Equal(Messages, sandbox.Control.GetMessages().Count);
            Assert.Empty(sandbox.Control.GetDrafts());
        }
        finally
        {
            File.Delete(script);
        }
    }

    private Process Start(string script, string journal)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = BuiltModule.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "pwsh", "-NoLogo", "-NoProfile", "-NonInteractive", "-File", script, "-Manifest", BuiltModule.Manifest, "-ReadyLine", sandbox.ReadyLine,
                     "-ClientId", SandboxDefaults.LargeAttachmentsAppId, "-Secret", SandboxDefaults.LargeAttachmentsSecret, "-Journal", journal, "-Count", Messages.ToString(),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        start.Environment["POWERSHELL_UPDATECHECK"] = "Off";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
