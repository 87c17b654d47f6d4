# Cold start, the script the setup guides teach: a client-credentials token POST, then a sendMail POST.
# -SkipCertificateCheck stands in for trusting the sandbox's self-signed certificate (Graph's needs nothing).
param([string] $Sandbox, [string] $Subject)

$ErrorActionPreference = 'Stop'
$endpoints = Get-Content -Raw -LiteralPath $Sandbox | ConvertFrom-Json
$token = Invoke-RestMethod -Method Post -Uri "$($endpoints.authority)contoso.com/oauth2/v2.0/token" -SkipCertificateCheck -Body @{
    client_id     = '51c27551-41e7-4952-a996-08bd0bfb1752'
    client_secret = 'Sbx8Q~GraphMailSender.Secret-0001'   # public, sandbox-only
    scope         = 'https://graph.microsoft.com/.default'
    grant_type    = 'client_credentials'
}
$message = @{
    message         = @{
        subject      = $Subject
        body         = @{ contentType = 'Text'; content = 'cold start' }
        toRecipients = @(@{ emailAddress = @{ address = 'ops@fabrikam.com' } })
    }
    saveToSentItems = $false
} | ConvertTo-Json -Depth 5
Invoke-RestMethod -Method Post -Uri "$($endpoints.graph)/users/noreply@contoso.com/sendMail" -SkipCertificateCheck `
    -Headers @{ Authorization = "Bearer $($token.access_token)" } -ContentType 'application/json' -Body $message
