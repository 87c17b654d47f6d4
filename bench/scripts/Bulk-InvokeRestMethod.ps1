# Bulk, the setup guides' script: one token, then a foreach loop with one sendMail POST per CSV row; no retry.
# A row whose POST fails is reported Failed. Writes {elapsedMs, results: [{subject, status}]} as JSON to -Out.
param([string] $Sandbox, [string] $ClientId, [string] $Secret, [string] $Csv, [string] $WarmUpCsv, [string] $Out)

$ErrorActionPreference = 'Stop'
$endpoints = Get-Content -Raw -LiteralPath $Sandbox | ConvertFrom-Json
$token = Invoke-RestMethod -Method Post -Uri "$($endpoints.authority)contoso.com/oauth2/v2.0/token" -SkipCertificateCheck -Body @{
    client_id = $ClientId; client_secret = $Secret; scope = 'https://graph.microsoft.com/.default'; grant_type = 'client_credentials'
}
$headers = @{ Authorization = "Bearer $($token.access_token)" }

function Send-Row($row) {
    $message = @{
        message         = @{
            subject      = $row.Subject
            body         = @{ contentType = 'Text'; content = $row.Body }
            toRecipients = @(@{ emailAddress = @{ address = $row.To } })
        }
        saveToSentItems = $false
    } | ConvertTo-Json -Depth 5
    try {
        $null = Invoke-RestMethod -Method Post -Uri "$($endpoints.graph)/users/noreply@contoso.com/sendMail" -SkipCertificateCheck `
            -Headers $headers -ContentType 'application/json' -Body $message
        @{ subject = $row.Subject; status = 'Sent' }
    }
    catch {
        @{ subject = $row.Subject; status = 'Failed' }
    }
}

foreach ($row in Import-Csv -LiteralPath $WarmUpCsv) { $null = Send-Row $row }

$clock = [System.Diagnostics.Stopwatch]::StartNew()
$results = foreach ($row in Import-Csv -LiteralPath $Csv) { Send-Row $row }
$clock.Stop()

@{ elapsedMs = $clock.Elapsed.TotalMilliseconds; results = @($results) } | ConvertTo-Json -Depth 3 -Compress | Set-Content -LiteralPath $Out
