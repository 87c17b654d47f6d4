#Requires -Modules Pester
# New-GraphMailApplication and Remove-GraphMailApplication against a sandbox, in fresh pwsh processes where a test
# needs a process of its own: which assemblies load when, and the certificate kept in CurrentUser\My under a HOME of
# its own (so the real user's store is never touched).

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    $script:Pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) ('graphmail-app-pester-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $Work

    . (Join-Path $PSScriptRoot 'SandboxSeedWithAdmin.ps1')
    $script:Sandbox = Start-TestSandbox -Seed (New-AdminSandboxSeed -Directory $Work)
    $script:ReadyLineFile = Join-Path $Work 'sandbox.json'
    Set-Content -LiteralPath $ReadyLineFile -Value $Sandbox.ReadyLine

    function Invoke-ChildPwsh {
        param(
            [Parameter(Mandatory)]
            [string] $Script,

            [hashtable] $Environment = @{}
        )

        $path = Join-Path $Work ('child-' + [guid]::NewGuid().ToString('N') + '.ps1')
        Set-Content -LiteralPath $path -Value $Script
        $saved = @{}
        foreach ($name in $Environment.Keys) {
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $Environment[$name])
        }

        try {
            $output = & $Pwsh -NoLogo -NoProfile -NonInteractive -File $path -Manifest $ModuleManifest -ReadyLineFile $ReadyLineFile 2>&1
            if ($LASTEXITCODE -ne 0) {
                throw "The child pwsh failed ($LASTEXITCODE): $($output -join [Environment]::NewLine)"
            }

            $output | Select-Object -Last 1 | ConvertFrom-Json
        }
        finally {
            foreach ($name in $saved.Keys) {
                [Environment]::SetEnvironmentVariable($name, $saved[$name])
            }
        }
    }
}

AfterAll {
    Stop-TestSandbox -Sandbox $Sandbox
    Remove-Item -LiteralPath $Work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Microsoft.Graph loads for directory work only' {
    It 'is not loaded by Import-Module, Connect-GraphMail and Send-GraphMail, and is loaded, in GraphMail''s own context, by New-GraphMailApplication' {
        $report = Invoke-ChildPwsh -Script @'
param($Manifest, $ReadyLineFile)
$ErrorActionPreference = 'Stop'
function Get-GraphSdk {
    [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -like 'Microsoft.Graph*' -or $_.GetName().Name -like 'Microsoft.Kiota*' } |
        ForEach-Object { $_.GetName().Name + '|' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }
}
$ready = Get-Content -LiteralPath $ReadyLineFile -Raw
Import-Module $Manifest
$afterImport = @(Get-GraphSdk)
$secret = ConvertTo-SecureString 'Sbx8Q~GraphMailSender.Secret-0001' -AsPlainText -Force
Connect-GraphMail -Sandbox $ready -TenantId contoso.com -ClientId 51c27551-41e7-4952-a996-08bd0bfb1752 -ClientSecret $secret -DefaultFrom noreply@contoso.com
$sent = Send-GraphMail -To ops@contoso.com -Subject 'Assembly check' -Body 'x' -PassThru
$afterSend = @(Get-GraphSdk)
$app = New-GraphMailApplication -DisplayName ('Assembly check ' + [guid]::NewGuid()) -ClientSecret -TenantId contoso.com -Sandbox $ready -WaitTimeoutSeconds 0 -WarningAction SilentlyContinue
[pscustomobject]@{ afterImport = $afterImport; afterSend = $afterSend; sent = "$($sent.Status)"; afterDirectory = @(Get-GraphSdk); clientId = $app.ClientId } | ConvertTo-Json -Compress
'@

        $report.sent | Should -Be 'Sent'
        $report.afterImport | Should -BeNullOrEmpty
        $report.afterSend | Should -BeNullOrEmpty
        $report.clientId | Should -Not -BeNullOrEmpty
        $report.afterDirectory | Should -Contain 'Microsoft.Graph|GraphMail'
        $report.afterDirectory | Where-Object { $_ -notlike '*|GraphMail' } | Should -BeNullOrEmpty
    }
}

Describe 'The certificate in CurrentUser\My' {
    It 'is made there by default and removed with the app, in a HOME of its own' -Skip:(-not $IsLinux) {
        # On Linux .NET keeps CurrentUser\My under $HOME/.dotnet/corefx/cryptography/x509stores/my: a temporary HOME
        # keeps the real user's store untouched. (Windows and macOS stores cannot be redirected this way.)
        $isolatedHome = Join-Path $Work 'home'
        $null = New-Item -ItemType Directory -Path $isolatedHome
        $report = Invoke-ChildPwsh -Environment @{ HOME = $isolatedHome } -Script @'
param($Manifest, $ReadyLineFile)
$ErrorActionPreference = 'Stop'
$ready = Get-Content -LiteralPath $ReadyLineFile -Raw
Import-Module $Manifest
function Find-InStore([string] $Thumbprint) {
    $store = [System.Security.Cryptography.X509Certificates.X509Store]::new('My', 'CurrentUser')
    $store.Open('ReadOnly')
    try { @($store.Certificates | Where-Object Thumbprint -eq $Thumbprint) } finally { $store.Dispose() }
}
$app = New-GraphMailApplication -DisplayName ('Store check ' + [guid]::NewGuid()) -TenantId contoso.com -Sandbox $ready -WarningAction SilentlyContinue
$inStore = [bool](Find-InStore $app.CertificateThumbprint | Where-Object HasPrivateKey)
$app | Connect-GraphMail
$connected = (Get-GraphMailConnection).CertificateThumbprint
$app | Remove-GraphMailApplication -Confirm:$false
$stillThere = [bool](Find-InStore $app.CertificateThumbprint)
[pscustomobject]@{ thumbprint = $app.CertificateThumbprint; location = $app.CertificateLocation; inStore = $inStore; connected = $connected; stillThere = $stillThere } | ConvertTo-Json -Compress
'@

        $report.inStore | Should -BeTrue
        $report.location | Should -Be "CurrentUser\My\$($report.thumbprint)"
        $report.connected | Should -Be $report.thumbprint
        $report.stillThere | Should -BeFalse
        Get-ChildItem -LiteralPath (Join-Path $isolatedHome '.dotnet/corefx/cryptography/x509stores/my') -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
    }
}
