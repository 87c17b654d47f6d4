# Memory: one large attachment sent from pwsh. A smaller one first warms the upload path up. Prints one JSON line:
# resident memory right before the send and its peak during it (VmHWM, reset by writing 5 to /proc/self/clear_refs).
param([string] $Module, [string] $Sandbox, [string] $File, [string] $WarmUpFile, [string] $Subject)

$ErrorActionPreference = 'Stop'
function Get-StatusBytes([string] $Field) {
    $line = [System.IO.File]::ReadAllLines('/proc/self/status') | Where-Object { $_.StartsWith("${Field}:") }
    [long]($line -replace '[^0-9]', '') * 1024
}

Import-Module $Module
$secret = ConvertTo-SecureString 'Sbx8Q~LargeAttachments.Secret-0005' -AsPlainText -Force   # public, sandbox-only
Connect-GraphMail -Sandbox $Sandbox -TenantId contoso.com -ClientId d0bf47c5-e6e9-4011-86fc-e62ba8a2cdda -ClientSecret $secret -DefaultFrom noreply@contoso.com
Send-GraphMail -To memory@fabrikam.com -Subject "$Subject (warm-up)" -Body 'warm-up' -Attachments $WarmUpFile
[System.GC]::Collect(); [System.GC]::WaitForPendingFinalizers(); [System.GC]::Collect()

$reset = $true
try { [System.IO.File]::WriteAllText('/proc/self/clear_refs', '5') } catch { $reset = $false }
$before = Get-StatusBytes VmRSS
$result = Send-GraphMail -To memory@fabrikam.com -Subject $Subject -Body 'memory' -Attachments $File -PassThru
$peak = Get-StatusBytes VmHWM

@{ status = "$($result.Status)"; residentBefore = $before; peakResident = $peak; peakReset = $reset } | ConvertTo-Json -Compress
