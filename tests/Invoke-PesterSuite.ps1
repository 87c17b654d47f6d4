# Runs the Pester suite against the built module. Works on Windows PowerShell 5.1 and PowerShell 7.4+, so the
# 5.1 CI job can call it directly; ./build.ps1 -Task Pester calls it in a child pwsh so the module's DLLs are not
# held by the build session.
[CmdletBinding()]
param(
    [string] $Path = $PSScriptRoot,

    [string] $ResultPath
)

$ErrorActionPreference = 'Stop'

$pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version]'5.5.0' } | Select-Object -First 1
if (-not $pester) {
    if ($PSVersionTable.PSEdition -eq 'Desktop') {
        [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
    }

    Install-Module -Name Pester -MinimumVersion 5.5.0 -Scope CurrentUser -Force -SkipPublisherCheck -AllowClobber
}

Import-Module -Name Pester -MinimumVersion 5.5.0 -ErrorAction Stop

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.Exit = $true
$configuration.Output.Verbosity = 'Detailed'
if ($ResultPath) {
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputFormat = 'NUnitXml'
    $configuration.TestResult.OutputPath = $ResultPath
}

Invoke-Pester -Configuration $configuration
