# Bulk, the parallel script: one token, then ForEach-Object -Parallel -ThrottleLimit 4 with one sendMail POST per CSV
# row; no retry, no duplicate control. Writes {elapsedMs, results: [{subject, status}]} as JSON to -Out.
param([string] $Sandbox, [string] $ClientId, [string] $Secret, [string] $Csv, [string] $WarmUpCsv, [string] $Out)

$ErrorActionPreference = 'Stop'
$endpoints = Get-Content -Raw -LiteralPath $Sandbox | ConvertFrom-Json
$token = Invoke-RestMethod -Method Post -Uri "$($endpoints.authority)contoso.com/oauth2/v2.0/token" -SkipCertificateCheck -Body @{
    client_id = $ClientId; client_secret = $Secret; scope = 'https://graph.microsoft.com/.default'; grant_type = 'client_credentials'
}
$uri = "$($endpoints.graph)/users/noreply@contoso.com/sendMail"
$headers = @{ Authorization = "Bearer $($token.access_token)" }

$send = {
    $message = @{
        message         = @{
            subject      = $_.Subject
            body         = @{ contentType = 'Text'; content = $_.Body }
            toRecipients = @(@{ emailAddress = @{ address = $_.To } })
        }
        saveToSentItems = $false
    } | ConvertTo-Json -Depth 5
    try {
        $null = Invoke-RestMethod -Method Post -Uri $using:uri -SkipCertificateCheck -Headers $using:headers -ContentType 'application/json' -Body $message
        @{ subject = $_.Subject; status = 'Sent' }
    }
    catch {
        @{ subject = $_.Subject; status = 'Failed' }
    }
}

$null = Import-Csv -LiteralPath $WarmUpCsv | ForEach-Object -ThrottleLimit 4 -Parallel $send

$clock = [System.Diagnostics.Stopwatch]::StartNew()
$results = Import-Csv -LiteralPath $Csv | ForEach-Object -ThrottleLimit 4 -Parallel $send
$clock.Stop()

@{ elapsedMs = $clock.Elapsed.TotalMilliseconds; results = @($results) } | ConvertTo-Json -Depth 3 -Compress | Set-Content -LiteralPath $Out
