# The admin's whole job, from nothing, against the sandbox the module ships: sign in as an administrator, register an
# app with Mail.Send consent and a certificate, wait until "Entra ID" accepts it, connect with it, check the setup,
# send a mail, show what "Microsoft" received, and remove the app again. Run it through ./build.ps1 -Task Demo
# (which builds first), or directly:
#   pwsh ./tools/Demo.ps1 [-ModuleManifest ./out/GraphMail/<version>/GraphMail.psd1]
[CmdletBinding()]
param(
    # The built module by default. A relative path is taken from the current directory.
    [string] $ModuleManifest
)

$ErrorActionPreference = 'Stop'
if (-not $ModuleManifest) {
    $root = Split-Path -Parent $PSScriptRoot
    $version = (& (Join-Path $PSScriptRoot 'Read-ModuleManifest.ps1') (Join-Path $root 'GraphMail.psd1')).ModuleVersion
    $ModuleManifest = [System.IO.Path]::Combine($root, 'out', 'GraphMail', $version, 'GraphMail.psd1')
}

# A bare relative path would be taken for a module name: import the full path.
$manifest = (Resolve-Path -LiteralPath $ModuleManifest).ProviderPath
Import-Module -Name $manifest -Force

# The shipped seed, with its Global Administrator approving the device-code sign-in as soon as it starts (a person
# would open the page the warning names), and 5 seconds of replication delay, as a real tenant has, to show the wait.
$work = Join-Path ([System.IO.Path]::GetTempPath()) ('graphmail-demo-' + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $work
$seed = Get-Content -LiteralPath (Join-Path (Split-Path -Parent $manifest) 'sandbox' 'Seed' 'default.json') -Raw | ConvertFrom-Json
$seed.limits | Add-Member -NotePropertyName deviceCodeApprover -NotePropertyValue 'admin@contoso.com' -Force
$seed.limits | Add-Member -NotePropertyName replicationDelaySeconds -NotePropertyValue 5 -Force
$seedPath = Join-Path $work 'seed.json'
$seed | ConvertTo-Json -Depth 20 | Set-Content -LiteralPath $seedPath

$sandbox = Start-GraphMailSandbox -SeedPath $seedPath
try {
    Write-Host "`n== Connect-GraphMailAdmin (the sandbox's Entra ID at $($sandbox.AuthorityUri))" -ForegroundColor Cyan
    Connect-GraphMailAdmin -TenantId contoso.com -Sandbox $sandbox.ReadyLine -PassThru |
        Format-List -Property 'UserPrincipalName', 'TenantId', 'ClientId', @{ Name = 'Scopes'; Expression = { $_.Scopes -join ', ' } }

    Write-Host '== New-GraphMailApplication (registration, Mail.Send consent, a certificate in a PFX, the wait)' -ForegroundColor Cyan
    $pfx = Join-Path $work 'demo-sender.pfx'
    $password = ConvertTo-SecureString 'demo-pfx-password' -AsPlainText -Force
    $app = New-GraphMailApplication -DisplayName 'GraphMail demo sender' -CertificatePath $pfx -CertificatePassword $password
    $app | Format-List -Property 'DisplayName', 'TenantId', 'ClientId', 'CertificateThumbprint', 'CredentialExpiresOn', 'SignInVerified'
    $app.Steps | Out-Host

    Write-Host '== Run again: every step finds what exists' -ForegroundColor Cyan
    (New-GraphMailApplication -DisplayName 'GraphMail demo sender' -CertificatePath $pfx -CertificatePassword $password).Steps |
        Format-Table -Property 'Step', 'Status' -AutoSize

    Write-Host '== $app | Connect-GraphMail' -ForegroundColor Cyan
    $app | Connect-GraphMail -DefaultFrom noreply@contoso.com -PassThru |
        Format-List -Property 'TenantId', 'ClientId', 'CredentialKind', 'CertificateThumbprint', 'Roles', 'DefaultFrom'

    Write-Host '== Test-GraphMailSetup (the admin is still signed in, so the Registration check reads the directory)' -ForegroundColor Cyan
    Test-GraphMailSetup -Mailbox noreply@contoso.com | Out-Host   # GraphMail's own views: a line per check, then the summary

    Write-Host '== Send-GraphMail' -ForegroundColor Cyan
    $report = Join-Path $work 'report.txt'
    Set-Content -LiteralPath $report -Value "Nightly report $(Get-Date -Format o)"
    Send-GraphMail -To 'Ops Team <ops@contoso.com>' -Subject 'Hello from GraphMail' -Body '<p>Sent through Microsoft Graph (the sandbox) by an app registered a moment ago.</p>' -BodyAsHtml -Attachments $report -PassThru | Out-Host

    Write-Host '== What the sandbox received' -ForegroundColor Cyan
    Get-GraphMailSandboxMessage | Format-List -Property 'Mailbox', 'From', 'To', 'Subject', 'BodyType', 'Attachments', 'ClientId', 'InternetMessageId', 'ReceivedAt'

    Write-Host 'This app can still send as any mailbox: New-GraphMailMailboxScope (or -Mailbox with ExchangeOnlineManagement connected) restricts it.' -ForegroundColor Yellow

    Write-Host '== Remove-GraphMailApplication' -ForegroundColor Cyan
    $app | Remove-GraphMailApplication -Confirm:$false -PassThru | Out-Host
}
finally {
    Disconnect-GraphMail -WarningAction SilentlyContinue
    Stop-GraphMailSandbox
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}
