using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Views;

/// <summary>
/// GraphMail's views load on first use, not at import (src/GraphMail/Session/ModuleViews.cs): a script that sends and
/// prints nothing never makes PowerShell rebuild its format table; the first object a cmdlet writes is shown with its
/// view, in the same pipeline too; Remove-Module takes the views away as it did with FormatsToProcess.
/// </summary>
public sealed class ViewLoadingTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string CountViews = "@(Get-FormatData -TypeName 'GraphMail.*').Count";

    [Fact]
    public void ImportAndConnectLoadNoViewsAndTheFirstObjectWrittenIsShownWithItsDefaultView()
    {
        using var shell = new ModuleRunspace();

        var run = shell.Run($"$atImport = {CountViews}\n" + SandboxFixture.ConnectSender + $$"""

            $afterConnect = {{CountViews}}
            $text = Send-GraphMail -To ops@contoso.com -Subject 'First view' -PassThru | Out-String -Width 120
            $headers = @((Get-FormatData -TypeName GraphMail.SendResult).FormatViewDefinition[0].Control.Headers.Label)
            [pscustomobject]@{ AtImport = $atImport; AfterConnect = $afterConnect; AfterSend = {{CountViews}}; Text = $text; Headers = $headers -join '|' }
            """, sandbox.SenderVariables()).Succeeded();

        var result = Assert.Single(run.Output);
        Assert.Equal(0, (int)result.Property("AtImport")!);
        Assert.Equal(0, (int)result.Property("AfterConnect")!);
        Assert.True((int)result.Property("AfterSend")! > 0, "the views are loaded once Send-GraphMail writes a result");
        var lines = ((string)result.Property("Text")!).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        Assert.Equal(((string)result.Property("Headers")!).Split('|'), lines[0].Split(' ', System.StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void RemoveModuleTakesTheViewsAwayAndTheNextImportBringsThemBackOnFirstUse()
    {
        using var shell = new ModuleRunspace();
        var variables = sandbox.SenderVariables();
        variables["Manifest"] = BuiltModule.Manifest;

        var run = shell.Run($$"""
            $link = Get-GraphMailConsentUrl -ClientId $ClientId -Tenant contoso.com -SkipTenantLookup
            $used = {{CountViews}}
            Remove-Module GraphMail
            $removed = {{CountViews}}
            Import-Module $Manifest
            $imported = {{CountViews}}
            $link = Get-GraphMailConsentUrl -ClientId $ClientId -Tenant contoso.com -SkipTenantLookup
            [pscustomobject]@{ Used = $used; Removed = $removed; Imported = $imported; UsedAgain = {{CountViews}} }
            """, variables).Succeeded();

        var result = Assert.Single(run.Output);
        var used = (int)result.Property("Used")!;
        Assert.True(used > 0, "the views are loaded once a cmdlet writes");
        Assert.Equal(0, (int)result.Property("Removed")!);
        Assert.Equal(0, (int)result.Property("Imported")!);
        Assert.Equal(used, (int)result.Property("UsedAgain")!);
    }

    [Fact]
    public void AHostThatRefusesFormatUpdatesStillGetsTheObjectsWithDefaultViewsAndNoError()
    {
        var state = InitialSessionState.CreateDefault2();
        state.DisableFormatUpdates = true;
        state.ImportPSModule(BuiltModule.Manifest);
        state.ThrowOnRunspaceOpenError = true;
        using var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        using var shell = PowerShell.Create();
        shell.Runspace = runspace;

        var output = shell.AddScript("Get-GraphMailConsentUrl -ClientId $args[0] -Tenant contoso.com -SkipTenantLookup -Verbose 4>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { $_.Message } else { $_.GetType().Name } }")
            .AddArgument(SandboxDefaults.SenderAppId).Invoke().Select(o => o.ToString()).ToList();

        Assert.Empty(shell.Streams.Error);
        Assert.Contains("ConsentLink", output);
        Assert.Contains(output, line => line.StartsWith("GraphMail's views could not be loaded", System.StringComparison.Ordinal));
    }
}
