# Writes the PowerShell Gallery package of the built module to -OutputDirectory, then proves it installs: a child pwsh
# with an empty module path and its own PSResourceGet settings installs it with Install-PSResource from that folder,
# imports GraphMail by name and runs a command. Run it through ./build.ps1 -Task Package (which builds first).
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $ModuleDirectory,

    [Parameter(Mandatory)]
    [string] $OutputDirectory
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$ModuleDirectory = (Resolve-Path -LiteralPath $ModuleDirectory).ProviderPath
$version = (& (Join-Path $PSScriptRoot 'Read-ModuleManifest.ps1') (Join-Path $ModuleDirectory 'GraphMail.psd1')).ModuleVersion
$OutputDirectory = New-Item -ItemType Directory -Force -Path $OutputDirectory | Select-Object -ExpandProperty FullName
$package = Join-Path $OutputDirectory "GraphMail.$version.nupkg"
Remove-Item -LiteralPath $package -ErrorAction SilentlyContinue

# A throwaway repository name, unregistered at once: publishing leaves the user's PSResourceGet settings as they were.
$repository = 'GraphMailLocal-' + [guid]::NewGuid().ToString('N')
Register-PSResourceRepository -Name $repository -Uri $OutputDirectory -Trusted
try {
    Publish-PSResource -Path $ModuleDirectory -Repository $repository
}
finally {
    Unregister-PSResourceRepository -Name $repository
}

if (-not (Test-Path -LiteralPath $package)) {
    throw "Publish-PSResource did not write $package."
}

Write-Host "Package: $package ($([math]::Round((Get-Item -LiteralPath $package).Length / 1MB, 1)) MiB)"

# The install check. On Linux and macOS, HOME and XDG_DATA_HOME move both the CurrentUser module folder
# (~/.local/share/powershell/Modules, where Install-PSResource puts modules) and PSResourceGet's repository settings into
# a new empty folder. Windows has no such switch for the CurrentUser scope, so there the check saves the package into
# the empty folder instead.
$sandboxHome = Join-Path ([System.IO.Path]::GetTempPath()) ('graphmail-package-' + [guid]::NewGuid().ToString('N'))
$modulePath = [System.IO.Path]::Combine($sandboxHome, '.local', 'share', 'powershell', 'Modules')
New-Item -ItemType Directory -Force -Path $modulePath | Out-Null
$check = @'
param($Source, $ModulePath)
$ErrorActionPreference = 'Stop'
$env:PSModulePath = $ModulePath + [System.IO.Path]::PathSeparator + (Join-Path $PSHOME 'Modules')
if (Get-Module -ListAvailable -Name GraphMail) { throw 'The module path is not empty: GraphMail is already there.' }
Register-PSResourceRepository -Name GraphMailPackage -Uri $Source -Trusted
if ($IsWindows) {
    Save-PSResource -Name GraphMail -Repository GraphMailPackage -Path $ModulePath -TrustRepository
}
else {
    Install-PSResource -Name GraphMail -Repository GraphMailPackage -Scope CurrentUser -TrustRepository
}
Import-Module -Name GraphMail
$module = Get-Module -Name GraphMail
if (-not $module.ModuleBase.StartsWith($ModulePath)) { throw "GraphMail was imported from $($module.ModuleBase), not from the new module path $ModulePath." }
$link = Get-GraphMailConsentUrl -ClientId 00000000-0000-0000-0000-0000000000aa -Tenant 11111111-1111-1111-1111-111111111111 -SkipTenantLookup
'Installed GraphMail {0} from the package at {1}; {2} commands; Get-GraphMailConsentUrl gave {3}' -f $module.Version, $module.ModuleBase, $module.ExportedCommands.Count, $link.Url
'@
$saved = @{ HOME = $env:HOME; XDG_DATA_HOME = $env:XDG_DATA_HOME; PSModulePath = $env:PSModulePath }
try {
    $env:HOME = $sandboxHome
    $env:XDG_DATA_HOME = [System.IO.Path]::Combine($sandboxHome, '.local', 'share')
    $pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
    & $pwsh -NoLogo -NoProfile -NonInteractive -Command "& { $check } -Source '$OutputDirectory' -ModulePath '$modulePath'"
    if ($LASTEXITCODE -ne 0) {
        throw "The package at $package did not install and import in a clean PowerShell (exit code $LASTEXITCODE)."
    }
}
finally {
    $env:HOME = $saved.HOME
    $env:XDG_DATA_HOME = $saved.XDG_DATA_HOME
    $env:PSModulePath = $saved.PSModulePath
    Remove-Item -LiteralPath $sandboxHome -Recurse -Force -ErrorAction SilentlyContinue
}
