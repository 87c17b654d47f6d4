#Requires -Version 7.4
<#
.SYNOPSIS
Builds, tests, packages and demonstrates GraphMail.

.DESCRIPTION
Build    dotnet build: lays out the importable module at out/GraphMail/<version>/.
Test     Build, then xunit (dotnet test), then the Pester suite in a child pwsh (so the DLLs can be replaced).
Pester   the Pester suite only, in a child pwsh, against the module already built.
Package  the PowerShell Gallery .nupkg of the built module, in out/packages/.
Demo     imports the built module, starts its sandbox, connects, tests the setup, sends a mail and shows what the sandbox received.

.EXAMPLE
./build.ps1 -Task Test
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
$version = (Import-PowerShellDataFile (Join-Path $root 'GraphMail.psd1')).ModuleVersion
$moduleDirectory = [System.IO.Path]::Combine($root, 'out', 'GraphMail', $version)

function Invoke-Native {
    param(
        [Parameter(Mandatory)]
        [string] $FilePath,

        [Parameter(ValueFromRemainingArguments)]
        [string[]] $Arguments
    )

    & $FilePath @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "$FilePath $($Arguments -join ' ') failed with exit code $LASTEXITCODE."
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
    Invoke-Native dotnet test (Join-Path $root 'GraphMailModule.sln') -c $Configuration --no-build
}

function Invoke-PesterSuite {
    $results = [System.IO.Path]::Combine($root, 'out', 'TestResults', 'pester.xml')
    Invoke-Native pwsh -NoLogo -NoProfile -NonInteractive -File (Join-Path $root 'tests' 'Invoke-PesterSuite.ps1') -ResultPath $results
}

function Invoke-Package {
    $packages = [System.IO.Path]::Combine($root, 'out', 'packages')
    New-Item -ItemType Directory -Force -Path $packages | Out-Null
    $repository = 'GraphMailLocal-' + [guid]::NewGuid().ToString('N')
    Register-PSResourceRepository -Name $repository -Uri $packages -Trusted
    try {
        Publish-PSResource -Path $moduleDirectory -Repository $repository
    }
    finally {
        Unregister-PSResourceRepository -Name $repository
    }

    Get-ChildItem -LiteralPath $packages -Filter "GraphMail.$version.nupkg"
}

function Invoke-Demo {
    # A child pwsh, so this session does not hold the module's DLLs. The demo starts the sandbox the module ships.
    Invoke-Native pwsh -NoLogo -NoProfile -NonInteractive -File (Join-Path $root 'tools' 'Demo.ps1') -ModuleManifest (Join-Path $moduleDirectory 'GraphMail.psd1')
}

foreach ($step in $Task) {
    Write-Host "== $step" -ForegroundColor Cyan
    switch ($step) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Build; Invoke-Xunit; Invoke-PesterSuite }
        'Pester' { Invoke-PesterSuite }
        'Package' { Invoke-Build; Invoke-Package }
        'Demo' { Invoke-Build; Invoke-Demo }
    }
}
