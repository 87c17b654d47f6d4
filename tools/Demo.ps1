# The main job, end to end, against the sandbox the module ships: connect as an app, check the setup, send a mail,
# and show what "Microsoft" received. Run it through ./build.ps1 -Task Demo (which builds first), or directly:
#   pwsh ./tools/Demo.ps1 [-ModuleManifest ./out/GraphMail/<version>/GraphMail.psd1]
[CmdletBinding()]
param(
    # The built module by default. A relative path is taken from the current directory.
    [string] $ModuleManifest
)

$ErrorActionPreference = 'Stop'
if (-not $ModuleManifest) {
    $root = Split-Path -Parent $PSScriptRoot
    $version = (Import-PowerShellDataFile (Join-Path $root 'GraphMail.psd1')).ModuleVersion
    $ModuleManifest = [System.IO.Path]::Combine($root, 'out', 'GraphMail', $version, 'GraphMail.psd1')
}

# A bare relative path would be taken for a module name: import the full path.
Import-Module -Name (Resolve-Path -LiteralPath $ModuleManifest).ProviderPath -Force

# The default sandbox seed's Sender app: Mail.Send, scoped to noreply@contoso.com (see docs/sandbox.md).
$clientId = '51c27551-41e7-4952-a996-08bd0bfb1752'
$secret = ConvertTo-SecureString 'Sbx8Q~GraphMailSender.Secret-0001' -AsPlainText -Force

$sandbox = Start-GraphMailSandbox
try {
    Write-Host "`n== Connect-GraphMail (to the sandbox at $($sandbox.AuthorityUri))" -ForegroundColor Cyan
    Connect-GraphMail -Sandbox $sandbox.ReadyLine -TenantId contoso.com -ClientId $clientId -ClientSecret $secret -DefaultFrom noreply@contoso.com -PassThru |
        Format-List -Property 'TenantId', 'TenantDomain', 'ClientId', 'CredentialKind', 'Roles', 'TokenExpiresOn', 'DefaultFrom'

    Write-Host '== Test-GraphMailSetup (designated mailbox noreply@, out-of-scope ceo@)' -ForegroundColor Cyan
    Test-GraphMailSetup -Mailbox noreply@contoso.com -OutOfScopeMailbox ceo@contoso.com | Format-Table -AutoSize -Wrap

    Write-Host '== Send-GraphMail' -ForegroundColor Cyan
    $report = Join-Path ([System.IO.Path]::GetTempPath()) 'graphmail-demo-report.txt'
    Set-Content -LiteralPath $report -Value "Nightly report $(Get-Date -Format o)"
    Send-GraphMail -To 'Ops Team <ops@contoso.com>' -Subject 'Hello from GraphMail' -Body '<p>Sent through Microsoft Graph (the sandbox).</p>' -BodyAsHtml -Attachments $report -PassThru |
        Format-Table -AutoSize
    Remove-Item -LiteralPath $report

    Write-Host '== What the sandbox received' -ForegroundColor Cyan
    Get-GraphMailSandboxMessage | Format-List -Property 'Mailbox', 'From', 'To', 'Subject', 'BodyType', 'Attachments', 'InternetMessageId', 'ReceivedAt'
}
finally {
    Disconnect-GraphMail -WarningAction SilentlyContinue
    Stop-GraphMailSandbox
}
