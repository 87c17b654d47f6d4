# Runs the Pester suite against the built module. Works on Windows PowerShell 5.1 and PowerShell 7.4+, so the
# 5.1 CI job can call it directly; ./build.ps1 -Task Pester calls it in a child pwsh so the module's DLLs are not
# held by the build session.
#
# Pester comes from out/modules/ (the build restores it from NuGet: tools/TestModules). Only where that folder is
# missing does it fall back to Install-Module from the PowerShell Gallery.
[CmdletBinding()]
param(
    [string] $Path = $PSScriptRoot,

    # NUnit XML results.
    [string] $ResultPath,

    # A JSON file with the totals ({ Passed, Failed, Skipped }) for build.ps1.
    [string] $SummaryPath
)

$ErrorActionPreference = 'Stop'

$modules = [System.IO.Path]::Combine((Split-Path -Parent $PSScriptRoot), 'out', 'modules')
if (Test-Path -LiteralPath $modules) {
    $env:PSModulePath = $modules + [System.IO.Path]::PathSeparator + $env:PSModulePath
}

$pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version]'5.5.0' } | Sort-Object Version -Descending | Select-Object -First 1
if (-not $pester) {
    Write-Warning "Pester 5.5+ is not in $modules (build the solution to restore it there); installing it from the PowerShell Gallery."
    if ($PSVersionTable.PSEdition -eq 'Desktop') {
        [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
    }

    Install-Module -Name Pester -MinimumVersion 5.5.0 -Scope CurrentUser -Force -SkipPublisherCheck -AllowClobber
    $pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version]'5.5.0' } | Sort-Object Version -Descending | Select-Object -First 1
}

Import-Module -ModuleInfo $pester -ErrorAction Stop

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
if ($ResultPath) {
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputFormat = 'NUnitXml'
    $configuration.TestResult.OutputPath = $ResultPath
}

$result = Invoke-Pester -Configuration $configuration
# A failed BeforeAll or a file that cannot be discovered fails a block or container, not a test: count them too.
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
if ($SummaryPath) {
    $directory = Split-Path -Parent $SummaryPath
    if ($directory) {
        New-Item -ItemType Directory -Force -Path $directory | Out-Null
    }

    [pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed; Skipped = $result.SkippedCount + $result.NotRunCount } |
        ConvertTo-Json | Set-Content -LiteralPath $SummaryPath -Encoding UTF8
}

exit $failed
