<#
.SYNOPSIS
    Exactly-once benchmark: ExactlyOnce and AtMostOnce under ambiguous faults, runs killed at a random point and rerun
    with their journal, and the throughput cost of ExactlyOnce. Not a test: it prints figures for docs/performance.md.
.DESCRIPTION
    Run from the repository root with the pinned PowerShell, after `dotnet build GraphMailModule.sln -c Release`:
        dotnet pwsh -NoProfile -File bench/exactly-once/Measure-ExactlyOnce.ps1 -Messages 1000 -Runs 20
    It starts its own GraphMail.Sandbox (a child process) and connects as the sandbox app that has Mail.Send and
    Mail.ReadWrite. The sandbox's record of accepted messages is the ground truth: duplicated = copies beyond the first
    of a subject, missing = subjects never accepted.
#>
[CmdletBinding()]
param(
    [int] $Messages = 1000,
    [double] $FaultRatio = 0.10,
    [int] $Runs = 20,
    [int] $ResumeMessages = 100,
    [int] $Seed = 16,
    # Added by the sandbox to every request, as a network would (the bulk benchmark's 40 ms).
    [int] $LatencyMs = 40
)
$ErrorActionPreference = 'Stop'
$root = (Resolve-Path "$PSScriptRoot/../..").Path
$version = (& "$root/tools/Read-ModuleManifest.ps1" "$root/GraphMail.psd1").ModuleVersion
$manifest = "$root/out/GraphMail/$version/GraphMail.psd1"
Import-Module $manifest
$random = [Random]::new($Seed)
$appId = 'd0bf47c5-e6e9-4011-86fc-e62ba8a2cdda'
$secretText = 'Sbx8Q~LargeAttachments.Secret-0005'   # the sandbox seed's published test secret
# The default seed, with room for a benchmark: the per-app request budget and the daily recipient limit would
# otherwise throttle (correctly) a run of several thousand messages from one mailbox.
$seedDocument = Get-Content "$root/out/GraphMail/$version/sandbox/Seed/default.json" -Raw | ConvertFrom-Json
$seedDocument.limits | Add-Member -Force -NotePropertyName requestsPer10Minutes -NotePropertyValue 10000000
$seedDocument.limits | Add-Member -Force -NotePropertyName maxRecipientsPerDay -NotePropertyValue 10000000
$seedDocument.limits | Add-Member -Force -NotePropertyName latencyMs -NotePropertyValue $LatencyMs
$seedPath = Join-Path ([IO.Path]::GetTempPath()) "graphmail-eo-seed-$PID.json"
$seedDocument | ConvertTo-Json -Depth 32 | Set-Content -Path $seedPath
$sandbox = Start-GraphMailSandbox -SeedPath $seedPath
try {
    Connect-GraphMail -Sandbox $sandbox -TenantId contoso.com -ClientId $appId -ClientSecret (ConvertTo-SecureString $secretText -AsPlainText -Force) -DefaultFrom noreply@contoso.com

    function Rows([string] $tag, [int] $count) {
        1..$count | ForEach-Object { [pscustomobject]@{ To = "u$_@fabrikam.com"; Subject = "$tag $_"; MessageKey = "$tag-$_" } }
    }

    function Faults([string] $mode) {
        Clear-GraphMailSandboxFault -Sandbox $sandbox
        if ($FaultRatio -le 0) { return }
        # Half 504 after accept, half reset after processing; ExactlyOnce spreads them over its two requests.
        $routes = if ($mode -eq 'ExactlyOnce') { 'createMessage', 'send' } else { , 'sendMail' }
        $each = $FaultRatio / (2 * $routes.Count)
        foreach ($route in $routes) {
            Add-GraphMailSandboxFault -Sandbox $sandbox -Route $route -Kind gatewayTimeoutAfterAccept -Ratio $each
            Add-GraphMailSandboxFault -Sandbox $sandbox -Route $route -Kind resetAfterAccept -Ratio $each
        }
    }

    function Tally([string] $tag, [int] $count) {
        $bySubject = @{}
        foreach ($m in Get-GraphMailSandboxMessage -Sandbox $sandbox) {
            if ($m.Subject -like "$tag *") { $bySubject[$m.Subject] = 1 + [int]$bySubject[$m.Subject] }
        }
        [pscustomobject]@{
            Delivered  = $bySubject.Count
            Duplicated = [int]($bySubject.Values | ForEach-Object { $_ - 1 } | Measure-Object -Sum).Sum
            Missing    = $count - $bySubject.Count
        }
    }

    function Measure-Mode([string] $mode, [string] $tag, [bool] $faulty) {
        if ($faulty) { Faults $mode } else { Clear-GraphMailSandboxFault -Sandbox $sandbox }
        $rows = @(Rows $tag $Messages)
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $rows | Send-GraphMail -Delivery $mode -ResultVariable results -ErrorAction SilentlyContinue
        $clock.Stop()
        $tally = Tally $tag $Messages
        [pscustomobject]@{
            Mode = $mode; Faults = $faulty; Messages = $Messages
            Sent = @($results | Where-Object Status -EQ 'Sent').Count
            Unknown = @($results | Where-Object Status -EQ 'Unknown').Count
            Failed = @($results | Where-Object Status -EQ 'Failed').Count
            Delivered = $tally.Delivered; Duplicated = $tally.Duplicated; Missing = $tally.Missing
            Seconds = [math]::Round($clock.Elapsed.TotalSeconds, 1)
            PerSecond = [math]::Round($Messages / $clock.Elapsed.TotalSeconds, 1)
        }
    }

    # Warm up (JIT, token) so the first measured mode does not pay for it.
    Clear-GraphMailSandboxFault -Sandbox $sandbox
    Rows 'warmup' 20 | Send-GraphMail -Delivery ExactlyOnce
    Rows 'warmup2' 20 | Send-GraphMail

    # Fault-free runs twice each, alternating, for the throughput ratio (best of two: a shared machine's noise).
    $modes = @(
        Measure-Mode 'AtMostOnce' 'clean-amo1' $false
        Measure-Mode 'ExactlyOnce' 'clean-eo1' $false
        Measure-Mode 'AtMostOnce' 'clean-amo2' $false
        Measure-Mode 'ExactlyOnce' 'clean-eo2' $false
        Measure-Mode 'AtMostOnce' 'fault-amo' $true
        Measure-Mode 'ExactlyOnce' 'fault-eo' $true
    )
    $modes | Format-Table Mode, Faults, Messages, Sent, Unknown, Failed, Delivered, Duplicated, Missing, Seconds, PerSecond -AutoSize | Out-String -Width 200 | Write-Host

    # Runs stopped at a random point: a child pwsh killed once its journal has a random number of lines, then the same
    # command rerun here with that journal.
    $child = Join-Path ([IO.Path]::GetTempPath()) "graphmail-eo-child-$PID.ps1"
    @'
param($Manifest, $ReadyLine, $ClientId, $Secret, $Journal, $Tag, $Count)
Import-Module $Manifest
Connect-GraphMail -Sandbox $ReadyLine -TenantId contoso.com -ClientId $ClientId -ClientSecret (ConvertTo-SecureString $Secret -AsPlainText -Force) -DefaultFrom noreply@contoso.com
1..$Count | ForEach-Object { [pscustomobject]@{ To = "u$_@fabrikam.com"; Subject = "$Tag $_"; MessageKey = "$Tag-$_" } } |
    Send-GraphMail -Delivery ExactlyOnce -Journal $Journal -ErrorAction SilentlyContinue
'@ | Set-Content -Path $child
    $resumes = foreach ($run in 1..$Runs) {
        Faults 'ExactlyOnce'
        $tag = "resume$run"
        $journal = Join-Path ([IO.Path]::GetTempPath()) "graphmail-eo-$PID-$run.jsonl"
        Remove-Item $journal -ErrorAction Ignore
        $killAt = $random.Next(1, 2 * $ResumeMessages)     # journal lines: Creating + Drafted per message before its end
        $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($a in 'pwsh', '-NoLogo', '-NoProfile', '-NonInteractive', '-File', $child, '-Manifest', $manifest, '-ReadyLine', $sandbox.ToString(),
                '-ClientId', $appId, '-Secret', $secretText, '-Journal', $journal, '-Tag', $tag, '-Count', $ResumeMessages) { $start.ArgumentList.Add($a) }
        $start.WorkingDirectory = $root
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $process = [Diagnostics.Process]::Start($start)
        $lines = 0
        while (-not $process.HasExited) {
            $lines = if (Test-Path $journal) { @([IO.File]::ReadAllLines($journal)).Count } else { 0 }
            if ($lines -ge $killAt) { break }
            Start-Sleep -Milliseconds 5
        }
        $killed = -not $process.HasExited
        if ($killed) { $process.Kill($true) }
        $process.WaitForExit()
        $rerun = Rows $tag $ResumeMessages | Send-GraphMail -Delivery ExactlyOnce -Journal $journal -PassThru -ErrorAction SilentlyContinue
        $tally = Tally $tag $ResumeMessages
        [pscustomobject]@{
            Run = $run; KilledAtLine = $(if ($killed) { $lines } else { 'ended first' })
            Skipped = @($rerun | Where-Object Status -EQ 'Skipped').Count
            SentOnRerun = @($rerun | Where-Object Status -EQ 'Sent').Count
            Unknown = @($rerun | Where-Object Status -EQ 'Unknown').Count
            Failed = @($rerun | Where-Object Status -EQ 'Failed').Count
            Duplicated = $tally.Duplicated; Missing = $tally.Missing
        }
        Remove-Item $journal -ErrorAction Ignore
    }
    Remove-Item $child -ErrorAction Ignore
    $resumes | Format-Table -AutoSize | Out-String -Width 200 | Write-Host

    $clean = @{}; $modes | Where-Object { -not $_.Faults } | ForEach-Object { $clean[$_.Mode] = [math]::Max([double]$clean[$_.Mode], $_.PerSecond) }
    Write-Host "Sandbox latency: $LatencyMs ms a request"
    Write-Host ("Throughput ExactlyOnce / AtMostOnce (no faults): {0:N2}" -f ($clean['ExactlyOnce'] / $clean['AtMostOnce']))
    Write-Host ("Resume runs: {0} duplicated, {1} missing, {2} unknown over {3} runs" -f
        ($resumes | Measure-Object Duplicated -Sum).Sum, ($resumes | Measure-Object Missing -Sum).Sum, ($resumes | Measure-Object Unknown -Sum).Sum, $Runs)
    Write-Host ("Machine: {0} cores, {1}; load: {2}" -f [Environment]::ProcessorCount, [Runtime.InteropServices.RuntimeInformation]::OSDescription, (& uptime))
}
finally {
    Stop-GraphMailSandbox -Sandbox $sandbox
    Remove-Item $seedPath -ErrorAction Ignore
}
