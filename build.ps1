#Requires -Version 7.4
<#
.SYNOPSIS
Builds, tests, packages and demonstrates GraphMail.

.DESCRIPTION
Build    dotnet build: lays out the importable module at out/GraphMail/<version>/, and Pester (restored from NuGet)
         at out/modules/.
Test     Build, then xunit (dotnet test) and the Pester suite (in a child pwsh, so the DLLs can be replaced); prints
         each suite's totals and then, on a line of its own, "N passed, N failed, N skipped". Fails if either fails.
Pester   the Pester suite only, in a child pwsh, against the module already built.
Package  Build, then the PowerShell Gallery .nupkg in out/packages/, then installs it from there into an empty module
         path in a child pwsh and imports it by name.
Demo     Build, then the admin's flow from nothing against the sandbox the module ships: signs in as its administrator,
         registers an app (consent, certificate, the replication wait), connects with it, tests the setup, sends a mail,
         shows what the sandbox received, and removes the app.

On a machine with only the .NET SDK: dotnet tool restore, then dotnet pwsh ./build.ps1 -Task <task>.

.EXAMPLE
dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Package', 'Demo')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$version = (& (Join-Path $root 'tools' 'Read-ModuleManifest.ps1') (Join-Path $root 'GraphMail.psd1')).ModuleVersion
$moduleDirectory = [System.IO.Path]::Combine($root, 'out', 'GraphMail', $version)
$testResults = [System.IO.Path]::Combine($root, 'out', 'TestResults')

# The PowerShell running this script (the pinned .NET tool under `dotnet pwsh`, or a pwsh on PATH): child scripts run
# in a new process of the same one.
$pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')

# A plain function on purpose: an advanced one would bind the native command's switches (-c, -NoLogo) as its own.
function Invoke-Native {
    $command, $arguments = $args
    & $command @arguments
    if ($LASTEXITCODE -ne 0) {
        throw "$command $($arguments -join ' ') failed with exit code $LASTEXITCODE."
    }
}

function Invoke-Build {
    Invoke-Native dotnet build (Join-Path $root 'GraphMailModule.sln') -c $Configuration
    if (-not (Test-Path -LiteralPath (Join-Path $moduleDirectory 'GraphMail.psd1'))) {
        throw "The build did not lay out the module at $moduleDirectory."
    }

    Write-Host "Module: $moduleDirectory"
}

function Invoke-Xunit {
    $directory = Join-Path $testResults 'xunit'
    Remove-Item -LiteralPath $directory -Recurse -Force -ErrorAction SilentlyContinue
    & dotnet test (Join-Path $root 'GraphMailModule.sln') -c $Configuration --no-build --logger trx --results-directory $directory | Out-Host
    $totals = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0 }
    foreach ($file in Get-ChildItem -LiteralPath $directory -Filter *.trx -ErrorAction SilentlyContinue) {
        $counters = ([xml](Get-Content -LiteralPath $file.FullName -Raw)).TestRun.ResultSummary.Counters
        $totals.Passed += [int]$counters.passed
        $totals.Failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        $totals.Skipped += [int]$counters.notExecuted
    }

    if ($LASTEXITCODE -ne 0 -and $totals.Failed -eq 0) {
        $totals.Failed = 1 # dotnet test failed before any test could report (a crash, a missing build)
    }

    [pscustomobject]$totals
}

function Invoke-PesterSuite {
    $summary = Join-Path $testResults 'pester-summary.json'
    Remove-Item -LiteralPath $summary -ErrorAction SilentlyContinue
    & $pwsh -NoLogo -NoProfile -NonInteractive -File (Join-Path $root 'tests' 'Invoke-PesterSuite.ps1') -ResultPath (Join-Path $testResults 'pester.xml') -SummaryPath $summary | Out-Host
    if (Test-Path -LiteralPath $summary) {
        $totals = Get-Content -LiteralPath $summary -Raw | ConvertFrom-Json
    }
    else {
        $totals = [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } # Pester did not run to the end
    }

    $totals
}

function Write-Totals {
    param([string] $Name, $Totals)

    Write-Host ('{0}: {1} passed, {2} failed, {3} skipped' -f $Name, $Totals.Passed, $Totals.Failed, $Totals.Skipped)
}

function Invoke-Test {
    $xunit = Invoke-Xunit
    $pester = Invoke-PesterSuite
    Write-Totals 'xunit' $xunit
    Write-Totals 'Pester' $pester
    $failed = $xunit.Failed + $pester.Failed
    # One line of its own, for .ci/run and for people: the totals of both suites.
    Write-Host ('{0} passed, {1} failed, {2} skipped' -f ($xunit.Passed + $pester.Passed), $failed, ($xunit.Skipped + $pester.Skipped))
    if ($failed -gt 0) {
        throw "$failed test(s) failed."
    }
}

function Invoke-Package {
    Invoke-Native $pwsh -NoLogo -NoProfile -NonInteractive -File (Join-Path $root 'tools' 'Package.ps1') -ModuleDirectory $moduleDirectory -OutputDirectory ([System.IO.Path]::Combine($root, 'out', 'packages'))
}

function Invoke-Demo {
    # A child pwsh, so this session does not hold the module's DLLs. The demo starts the sandbox the module ships.
    Invoke-Native $pwsh -NoLogo -NoProfile -NonInteractive -File (Join-Path $root 'tools' 'Demo.ps1') -ModuleManifest (Join-Path $moduleDirectory 'GraphMail.psd1')
}

foreach ($step in $Task) {
    Write-Host "== $step" -ForegroundColor Cyan
    switch ($step) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Build; Invoke-Test }
        'Pester' {
            $pester = Invoke-PesterSuite
            Write-Totals 'Pester' $pester
            if ($pester.Failed -gt 0) { throw "$($pester.Failed) Pester test(s) failed." }
        }
        'Package' { Invoke-Build; Invoke-Package }
        'Demo' { Invoke-Build; Invoke-Demo }
    }
}
