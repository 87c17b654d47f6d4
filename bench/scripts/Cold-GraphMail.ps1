# Cold start, GraphMail: import, connect, send one message. bench/GraphMail.Bench runs it with `pwsh -File`.
param([string] $Module, [string] $Sandbox, [string] $Subject)

$ErrorActionPreference = 'Stop'
Import-Module $Module
$secret = ConvertTo-SecureString 'Sbx8Q~GraphMailSender.Secret-0001' -AsPlainText -Force   # public, sandbox-only
Connect-GraphMail -Sandbox $Sandbox -TenantId contoso.com -ClientId 51c27551-41e7-4952-a996-08bd0bfb1752 -ClientSecret $secret -DefaultFrom noreply@contoso.com
Send-GraphMail -To ops@fabrikam.com -Subject $Subject -Body 'cold start'
