# A PowerShell session that already holds another module's MSAL, as one with ExchangeOnlineManagement does: MSAL
# 4.61.3 loaded and in use in the default load context. Then it imports the BUILT GraphMail, connects to a sandbox
# and sends one message, and prints one JSON object: every loaded assembly and its load context after each step.
param(
    [Parameter(Mandatory)]
    [string] $ForeignMsalDirectory,

    [Parameter(Mandatory)]
    [string] $ModuleManifest,

    [Parameter(Mandatory)]
    [string] $SandboxReadyLine,

    [Parameter(Mandatory)]
    [string] $Subject
)

$ErrorActionPreference = 'Stop'

function Get-LoadedAssembly {
    foreach ($context in [System.Runtime.Loader.AssemblyLoadContext]::All) {
        foreach ($assembly in $context.Assemblies) {
            [ordered]@{
                name     = $assembly.GetName().Name
                version  = $assembly.GetName().Version.ToString()
                context  = $context.Name
                location = if ($assembly.IsDynamic) { $null } else { $assembly.Location }
            }
        }
    }
}

Add-Type -Path (Join-Path $ForeignMsalDirectory 'Microsoft.IdentityModel.Abstractions.dll')
Add-Type -Path (Join-Path $ForeignMsalDirectory 'Microsoft.Identity.Client.dll')
$foreign = [Microsoft.Identity.Client.ConfidentialClientApplicationBuilder]::Create([guid]::NewGuid().ToString()).WithClientSecret('not-used').Build()

Import-Module -Name $ModuleManifest
$afterImport = @(Get-LoadedAssembly)

# The sandbox's own app: a published, sandbox-only secret.
$secret = ConvertTo-SecureString 'Sbx8Q~GraphMailSender.Secret-0001' -AsPlainText -Force
Connect-GraphMail -Sandbox $SandboxReadyLine -TenantId contoso.com -ClientId 51c27551-41e7-4952-a996-08bd0bfb1752 -ClientSecret $secret -DefaultFrom noreply@contoso.com
$afterConnect = @(Get-LoadedAssembly)

$sent = Send-GraphMail -To someone@example.com -Subject $Subject -Body 'Sent from a session that already holds MSAL 4.61.3.' -PassThru
$afterSend = @(Get-LoadedAssembly)

[ordered]@{
    preloadedMsal = [Microsoft.Identity.Client.PublicClientApplication].Assembly.GetName().Version.ToString()
    foreignStillWorks = $null -ne $foreign.AppConfig.ClientId
    status = "$($sent.Status)"
    afterImport = $afterImport
    afterConnect = $afterConnect
    afterSend = $afterSend
} | ConvertTo-Json -Depth 4 -Compress
