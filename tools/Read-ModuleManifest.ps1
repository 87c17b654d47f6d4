# Reads a module manifest the way Import-Module does, for this PowerShell's edition: GraphMail.psd1 picks its
# RootModule and PowerShellVersion with $PSEdition, which Import-PowerShellDataFile refuses. The file is checked
# against the restricted language first (only $PSEdition and $PSScriptRoot allowed), so it evaluates data, never commands.
#   & ./tools/Read-ModuleManifest.ps1 ./GraphMail.psd1   # -> hashtable
param(
    [Parameter(Mandatory)]
    [string] $Path
)

$ErrorActionPreference = 'Stop'
$full = (Resolve-Path -LiteralPath $Path).ProviderPath
$manifest = [scriptblock]::Create([System.IO.File]::ReadAllText($full))
$manifest.CheckRestrictedLanguage([string[]]@(), [string[]]@('PSEdition', 'PSScriptRoot'), $false)
$data = & $manifest
if ($data -isnot [hashtable]) {
    throw "$full is not a module manifest: it does not evaluate to one hashtable."
}

$data
