# Bulk, GraphMail: `Import-Csv | Send-GraphMail` in the real pipeline. Connecting and a warm-up CSV are outside the
# clock. Writes {elapsedMs, results: [{subject, status}]} as JSON to -Out. -Delivery as Send-GraphMail's (default AtMostOnce).
param([string] $Module, [string] $Sandbox, [string] $ClientId, [string] $Secret, [string] $Csv, [string] $WarmUpCsv, [string] $Out, [string] $Delivery = 'AtMostOnce')

$ErrorActionPreference = 'Stop'
Import-Module $Module
Connect-GraphMail -Sandbox $Sandbox -TenantId contoso.com -ClientId $ClientId -ClientSecret (ConvertTo-SecureString $Secret -AsPlainText -Force) -DefaultFrom noreply@contoso.com
Import-Csv -LiteralPath $WarmUpCsv | Send-GraphMail -Delivery $Delivery -ErrorAction SilentlyContinue  # faults may be on: the warm-up only warms

$clock = [System.Diagnostics.Stopwatch]::StartNew()
$results = Import-Csv -LiteralPath $Csv | Send-GraphMail -Delivery $Delivery -PassThru -ErrorAction SilentlyContinue  # every outcome is in its result
$clock.Stop()

@{
    elapsedMs = $clock.Elapsed.TotalMilliseconds
    results   = @($results | ForEach-Object { @{ subject = $_.Subject; status = "$($_.Status)" } })
} | ConvertTo-Json -Depth 3 -Compress | Set-Content -LiteralPath $Out
