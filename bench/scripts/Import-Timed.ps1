# The import benchmark: prints how many milliseconds one import took in a fresh `pwsh -File`. PowerShell's own
# Utility module is re-imported first, so Import-Module's own first-use cost is outside the clock for every target.
#   -Kind Module   Import-Module <manifest>
#   -Kind Formats  Update-FormatData -AppendPath <ps1xml> (format data alone)
#   -Session Formatted  the session has formatted output once before the clock starts (as any session that printed
#                       something has): PowerShell has then built its own format tables, which the first format data
#                       a session loads otherwise pays for.
param([string] $Path, [ValidateSet('Module', 'Formats')] [string] $Kind = 'Module', [ValidateSet('Fresh', 'Formatted')] [string] $Session = 'Fresh')

$ErrorActionPreference = 'Stop'
Import-Module Microsoft.PowerShell.Utility -Force
if ($Session -eq 'Formatted') {
    $null = Get-Date | Out-String
}

$clock = [System.Diagnostics.Stopwatch]::StartNew()
if ($Kind -eq 'Module') {
    Import-Module $Path
}
else {
    Update-FormatData -AppendPath $Path
}

$clock.Stop()
$clock.Elapsed.TotalMilliseconds.ToString([cultureinfo]::InvariantCulture)
