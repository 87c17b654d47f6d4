#Requires -Modules Pester
# Connect-GraphMail against a GraphMail.Sandbox process: every credential kind, the errors users meet, no secret in output.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    $script:Sandbox = Start-TestSandbox
    $script:Tenant = 'contoso.com'
    $script:TenantGuid = '30d943bf-6a43-47b0-a36a-66a1a07848ca'
    $script:SenderApp = '51c27551-41e7-4952-a996-08bd0bfb1752'
    $script:SenderSecretText = 'Sbx8Q~GraphMailSender.Secret-0001'
    $script:SenderSecret = ConvertTo-SecureString $SenderSecretText -AsPlainText -Force
    $script:SeedDirectory = Join-Path $RepositoryRoot 'src/GraphMail.Sandbox/Seed'
    $script:PfxPassword = ConvertTo-SecureString 'graphmail-sandbox' -AsPlainText -Force
    $script:CmdletId = 'GraphMail.Commands.ConnectGraphMailCommand'
}

AfterAll {
    Disconnect-GraphMail -WarningAction SilentlyContinue
    Stop-TestSandbox -Sandbox $Sandbox
}

Describe 'Connect-GraphMail with a client secret' {
    AfterEach {
        Disconnect-GraphMail -WarningAction SilentlyContinue
    }

    It 'connects with -ClientSecret and returns the connection with -PassThru' {
        $info = Connect-GraphMail -Sandbox $Sandbox.ReadyLine -TenantId $Tenant -ClientId $SenderApp -ClientSecret $SenderSecret -PassThru

        $info.TenantId | Should -Be $TenantGuid
        $info.TenantDomain | Should -Be $Tenant
        $info.ClientId | Should -Be $SenderApp
        $info.CredentialKind | Should -Be 'ClientSecret'
        $info.IsSandbox | Should -BeTrue
        $info.Roles | Should -Contain 'Mail.Send'
        $info.TokenExpiresOn | Should -BeGreaterThan ([DateTimeOffset]::UtcNow)
        $info.GetType().FullName | Should -Be 'GraphMail.ConnectionInfo'
    }

    It 'connects with a PSCredential (client ID as user name), also as -ClientSecretCredential' {
        $credential = [pscredential]::new($SenderApp, $SenderSecret)

        (Connect-GraphMail -Sandbox $Sandbox.ReadyLine -TenantId $Tenant -Credential $credential -PassThru).ClientId | Should -Be $SenderApp
        (Connect-GraphMail -Sandbox $Sandbox.ReadyLine -TenantId $Tenant -ClientSecretCredential $credential -PassThru).CredentialKind | Should -Be 'ClientSecret'
    }

    It 'reads the sandbox from its connection file' {
        (Connect-GraphMail -Sandbox $Sandbox.ConnectionFile -TenantId $Tenant -ClientId $SenderApp -ClientSecret $SenderSecret -PassThru).IsSandbox | Should -BeTrue
    }

    It 'keeps -DefaultFrom' {
        (Connect-GraphMail -Sandbox $Sandbox.ReadyLine -TenantId $Tenant -ClientId $SenderApp -ClientSecret $SenderSecret -DefaultFrom 'noreply@contoso.com' -PassThru).DefaultFrom |
            Should -Be 'noreply@contoso.com'
    }

    It 'names the tenant domain of a tenant given by GUID when the default sender''s domain belongs to it' {
        $byGuid = Connect-GraphMail -Sandbox $Sandbox.ReadyLine -TenantId $TenantGuid -ClientId $SenderApp -ClientSecret $SenderSecret -DefaultFrom 'noreply@contoso.com' -PassThru -Verbose 4>&1
        $info = $byGuid | Where-Object { $_ -is [GraphMail.ConnectionInfo] }
        $verbose = $byGuid | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

        $info.TenantDomain | Should -Be 'contoso.com'
        (Get-GraphMailConnection).TenantDomain | Should -Be 'contoso.com'
        $verbose.Message | Should -Contain "Tenant $TenantGuid is contoso.com: the default sender's domain belongs to it."
        (Connect-GraphMail -Sandbox $Sandbox.ReadyLine -TenantId $TenantGuid -ClientId $SenderApp -ClientSecret $SenderSecret -DefaultFrom 'info@fabrikam.com' -PassThru).TenantDomain |
            Should -BeNullOrEmpty -Because "fabrikam.com is another tenant's domain"
    }

    It 'writes nothing without -PassThru' {
        Connect-GraphMail -Sandbox $Sandbox.ReadyLine -TenantId $Tenant -ClientId $SenderApp -ClientSecret $SenderSecret | Should -BeNullOrEmpty
        Get-GraphMailConnection | Should -Not -BeNullOrEmpty
    }

    It 'warns when the token carries no application permissions' {
        $unconsented = ConvertTo-SecureString 'Sbx8Q~Unconsented.Secret-0002' -AsPlainText -Force

        Connect-GraphMail -Sandbox $Sandbox.ReadyLine -TenantId $Tenant -ClientId '496c0d13-47bb-44aa-b10b-4ce402cb1d21' -ClientSecret $unconsented -WarningVariable warnings -WarningAction SilentlyContinue

        $warnings | Should -HaveCount 1
        "$warnings" | Should -Match 'Get-GraphMailConsentUrl'
    }
}

Describe 'Connect-GraphMail with a certificate' {
    AfterEach {
        Disconnect-GraphMail -WarningAction SilentlyContinue
    }

    It 'connects with a PFX file and its password' {
        $info = Connect-GraphMail -Sandbox $Sandbox.ReadyLine -TenantId $Tenant -ClientId $SenderApp -CertificatePath (Join-Path $SeedDirectory 'contoso-app.pfx') -CertificatePassword $PfxPassword -PassThru

        $info.CredentialKind | Should -Be 'Certificate'
        $info.CertificateThumbprint | Should -Match '^[0-9A-F]{40}$'
    }

    It 'connects with a PEM file holding the certificate and its key' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
        (Connect-GraphMail -Sandbox $Sandbox.ReadyLine -TenantId $Tenant -ClientId $SenderApp -CertificatePath (Join-Path $SeedDirectory 'contoso-app.pem') -PassThru).CredentialKind |
            Should -Be 'Certificate'
    }

    It 'connects with a certificate object' {
        $certificate = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new((Join-Path $SeedDirectory 'contoso-app.pfx'), 'graphmail-sandbox')

        (Connect-GraphMail -Sandbox $Sandbox.ReadyLine -TenantId $Tenant -ClientId $SenderApp -Certificate $certificate -PassThru).CertificateThumbprint | Should -Be $certificate.Thumbprint
    }

    It 'connects with a thumbprint from Cert:\CurrentUser\My' {
        $flags = [System.Security.Cryptography.X509Certificates.X509KeyStorageFlags]'Exportable, PersistKeySet'
        $certificate = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new((Join-Path $SeedDirectory 'contoso-app.pfx'), 'graphmail-sandbox', $flags)
        $store = [System.Security.Cryptography.X509Certificates.X509Store]::new('My', 'CurrentUser')
        $store.Open('ReadWrite')
        $store.Add($certificate)
        try {
            (Connect-GraphMail -Sandbox $Sandbox.ReadyLine -TenantId $Tenant -ClientId $SenderApp -CertificateThumbprint $certificate.Thumbprint -PassThru).CertificateThumbprint |
                Should -Be $certificate.Thumbprint
        }
        finally {
            $store.Remove($certificate)
            $store.Dispose()
        }
    }
}

Describe 'Connect-GraphMail with a managed identity' {
    AfterEach {
        Disconnect-GraphMail -WarningAction SilentlyContinue
        Remove-Item -Path 'Env:IDENTITY_ENDPOINT', 'Env:IDENTITY_HEADER' -ErrorAction SilentlyContinue
    }

    It 'uses the system-assigned identity over IMDS when no identity variables are set' {
        $info = Connect-GraphMail -Sandbox $Sandbox.ReadyLine -ManagedIdentity -PassThru

        $info.CredentialKind | Should -Be 'ManagedIdentity'
        $info.ManagedIdentityClientId | Should -BeNullOrEmpty
        $info.TenantId | Should -Be $TenantGuid
        $info.Roles | Should -Contain 'Mail.Send'
    }

    It 'uses a user-assigned identity, App Service style as in Azure Automation' {
        $env:IDENTITY_ENDPOINT = $Sandbox.Endpoint.managedIdentity.identityEndpoint
        $env:IDENTITY_HEADER = $Sandbox.Endpoint.managedIdentity.identityHeader

        $info = Connect-GraphMail -Sandbox $Sandbox.ReadyLine -Identity -ManagedIdentityClientId 'a4498cb5-8123-48ef-90b8-0db301b6c7ae' -PassThru

        $info.ManagedIdentityClientId | Should -Be 'a4498cb5-8123-48ef-90b8-0db301b6c7ae'
        $info.ClientId | Should -Be 'a4498cb5-8123-48ef-90b8-0db301b6c7ae'
    }

    It 'fails with ManagedIdentityNotFound for an identity the resource does not have' {
        $err = { Connect-GraphMail -Sandbox $Sandbox.ReadyLine -ManagedIdentity -ManagedIdentityClientId '11111111-1111-1111-1111-111111111111' } | Should -Throw -PassThru  # a terminating error: -ErrorVariable would hold the CmdletInvocationException, not the record

        $err.FullyQualifiedErrorId | Should -Be "ManagedIdentityNotFound,$CmdletId"
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Connect-GraphMail from environment variables' {
    BeforeEach {
        $script:Saved = @{}
        foreach ($name in 'GRAPHMAIL_TENANT_ID', 'GRAPHMAIL_CLIENT_ID', 'GRAPHMAIL_CLIENT_SECRET', 'GRAPHMAIL_CLIENT_CERTIFICATE_PATH', 'GRAPHMAIL_DEFAULT_FROM', 'GRAPHMAIL_ENVIRONMENT', 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET', 'AZURE_CLIENT_CERTIFICATE_PATH') {
            $Saved[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $null)
        }
    }

    AfterEach {
        foreach ($name in $Saved.Keys) {
            [Environment]::SetEnvironmentVariable($name, $Saved[$name])
        }

        Disconnect-GraphMail -WarningAction SilentlyContinue
    }

    It 'connects from the GRAPHMAIL_ variables' {
        $env:GRAPHMAIL_TENANT_ID = $Tenant
        $env:GRAPHMAIL_CLIENT_ID = $SenderApp
        $env:GRAPHMAIL_CLIENT_SECRET = $SenderSecretText

        (Connect-GraphMail -Sandbox $Sandbox.ReadyLine -EnvironmentVariable -PassThru).ClientId | Should -Be $SenderApp
    }

    It 'falls back to the Azure SDK names' {
        $env:AZURE_TENANT_ID = $Tenant
        $env:AZURE_CLIENT_ID = $SenderApp
        $env:AZURE_CLIENT_SECRET = $SenderSecretText

        (Connect-GraphMail -Sandbox $Sandbox.ReadyLine -EnvironmentVariable -PassThru).CredentialKind | Should -Be 'ClientSecret'
    }

    It 'takes GRAPHMAIL_DEFAULT_FROM, and -DefaultFrom over it' {
        $env:GRAPHMAIL_TENANT_ID = $Tenant
        $env:GRAPHMAIL_CLIENT_ID = $SenderApp
        $env:GRAPHMAIL_CLIENT_SECRET = $SenderSecretText
        $env:GRAPHMAIL_DEFAULT_FROM = 'reports@contoso.com'

        (Connect-GraphMail -Sandbox $Sandbox.ReadyLine -EnvironmentVariable -PassThru).DefaultFrom | Should -Be 'reports@contoso.com'
        (Connect-GraphMail -Sandbox $Sandbox.ReadyLine -EnvironmentVariable -DefaultFrom noreply@contoso.com -PassThru).DefaultFrom | Should -Be 'noreply@contoso.com'
    }

    It 'refuses a GRAPHMAIL_ENVIRONMENT that is no cloud, by name' {
        $env:GRAPHMAIL_TENANT_ID = $Tenant
        $env:GRAPHMAIL_CLIENT_ID = $SenderApp
        $env:GRAPHMAIL_CLIENT_SECRET = $SenderSecretText
        $env:GRAPHMAIL_ENVIRONMENT = 'Mars'

        $err = { Connect-GraphMail -Sandbox $Sandbox.ReadyLine -EnvironmentVariable } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -Be "InvalidEnvironmentVariable,$CmdletId"
        $err.Exception.Message | Should -Match "GRAPHMAIL_ENVIRONMENT is 'Mars'"
    }

    It 'names exactly the missing variables' {
        $env:GRAPHMAIL_CLIENT_ID = $SenderApp

        $err = { Connect-GraphMail -Sandbox $Sandbox.ReadyLine -EnvironmentVariable } | Should -Throw -PassThru  # a terminating error: -ErrorVariable would hold the CmdletInvocationException, not the record

        $err.FullyQualifiedErrorId | Should -Be "EnvironmentVariablesMissing,$CmdletId"
        $err.Exception.Message | Should -Match 'GRAPHMAIL_TENANT_ID \(or AZURE_TENANT_ID\)'
        $err.Exception.Message | Should -Not -Match 'GRAPHMAIL_CLIENT_ID \(or'
    }
}

Describe 'Connect-GraphMail errors' {
    It 'maps <Case> to <ErrorId>' -ForEach @(
        @{ Case = 'an unknown tenant'; ErrorId = 'TenantNotFound'; Tenant = 'nowhere.example'; App = '51c27551-41e7-4952-a996-08bd0bfb1752'; Secret = 'Sbx8Q~GraphMailSender.Secret-0001' }
        @{ Case = 'an app not in the tenant'; ErrorId = 'ApplicationNotFoundInTenant'; Tenant = 'fabrikam.com'; App = '51c27551-41e7-4952-a996-08bd0bfb1752'; Secret = 'Sbx8Q~GraphMailSender.Secret-0001' }
        @{ Case = 'a wrong secret'; ErrorId = 'ClientSecretInvalid'; Tenant = 'contoso.com'; App = '51c27551-41e7-4952-a996-08bd0bfb1752'; Secret = '7b03919a-1444-47d4-a9e9-2a27519a1ccc' }
        @{ Case = 'an expired secret'; ErrorId = 'ClientSecretExpired'; Tenant = 'contoso.com'; App = '82e23bf3-c80d-4e5c-a4d5-de91de9b757e'; Secret = 'Sbx8Q~Expired.Secret-0003' }
    ) {
        $secure = ConvertTo-SecureString $Secret -AsPlainText -Force

        $err = { Connect-GraphMail -Sandbox $Sandbox.ReadyLine -TenantId $Tenant -ClientId $App -ClientSecret $secure } | Should -Throw -PassThru  # a terminating error: -ErrorVariable would hold the CmdletInvocationException, not the record

        $err.FullyQualifiedErrorId | Should -Be "$ErrorId,$CmdletId"
        $err.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        $err.Exception.ServiceCode | Should -Match '^AADSTS\d+$'
        $err.Exception.RequestId | Should -Not -BeNullOrEmpty
        "$err $($err.Exception) $($err.ErrorDetails)" | Should -Not -Match ([regex]::Escape($Secret))
    }

    It 'refuses <TenantId> before any network call' -ForEach @(
        @{ TenantId = 'common' }
        @{ TenantId = 'organizations' }
        @{ TenantId = 'not a tenant' }
    ) {
        $err = { Connect-GraphMail -TenantId $TenantId -ClientId $SenderApp -ClientSecret $SenderSecret } | Should -Throw -PassThru  # a terminating error: -ErrorVariable would hold the CmdletInvocationException, not the record

        $err.FullyQualifiedErrorId | Should -Be "InvalidTenantId,$CmdletId"
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match ([regex]::Escape("'$TenantId'"))
        $err.TargetObject | Should -Be $TenantId
    }

    It 'says a PFX password is wrong' {
        $wrong = ConvertTo-SecureString 'not-the-password' -AsPlainText -Force

        $err = { Connect-GraphMail -TenantId $Tenant -ClientId $SenderApp -CertificatePath (Join-Path $SeedDirectory 'contoso-app.pfx') -CertificatePassword $wrong } | Should -Throw -PassThru  # a terminating error: -ErrorVariable would hold the CmdletInvocationException, not the record

        $err.FullyQualifiedErrorId | Should -Be "CertificatePasswordIncorrect,$CmdletId"
        "$err" | Should -Not -Match 'not-the-password'
    }

    It 'says a certificate has expired: past its NotAfter, or expired where the app registers it' {
        $key = [Security.Cryptography.RSA]::Create(2048)
        $request = [Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=GraphMail expired', $key, [Security.Cryptography.HashAlgorithmName]::SHA256, [Security.Cryptography.RSASignaturePadding]::Pkcs1)
        $old = $request.CreateSelfSigned([datetimeoffset]'2020-01-01T00:00:00Z', [datetimeoffset]'2021-01-01T00:00:00Z')

        $past = { Connect-GraphMail -Sandbox $Sandbox.ReadyLine -TenantId $Tenant -ClientId $SenderApp -Certificate $old } | Should -Throw -PassThru
        $there = { Connect-GraphMail -Sandbox $Sandbox.ReadyLine -TenantId $Tenant -ClientId '82e23bf3-c80d-4e5c-a4d5-de91de9b757e' -CertificatePath (Join-Path $SeedDirectory 'contoso-app.pfx') -CertificatePassword $PfxPassword } |
            Should -Throw -PassThru

        $past.FullyQualifiedErrorId | Should -Be "CertificateNotRegistered,$CmdletId"
        $past.Exception.Message | Should -BeLike "*refused certificate $($old.Thumbprint): the certificate expired on 2021-01-01 00:00 UTC, and Entra ID accepts no expired certificate.*"
        $there.FullyQualifiedErrorId | Should -Be "CertificateNotRegistered,$CmdletId"
        $there.Exception.Message | Should -BeLike "*the certificate registered on the app has expired there*"
        $past, $there | ForEach-Object { $_.ErrorDetails.RecommendedAction | Should -BeLike 'Make a new certificate and register it on app *-RotateCredential*' }
    }

    It 'says a public certificate has no private key' {
        $err = { Connect-GraphMail -TenantId $Tenant -ClientId $SenderApp -CertificatePath (Join-Path $SeedDirectory 'contoso-app.cer') } | Should -Throw -PassThru  # a terminating error: -ErrorVariable would hold the CmdletInvocationException, not the record

        $err.FullyQualifiedErrorId | Should -Be "CertificateWithoutPrivateKey,$CmdletId"
    }

    It 'says which stores it searched for a thumbprint' {
        $err = { Connect-GraphMail -TenantId $Tenant -ClientId $SenderApp -CertificateThumbprint ('AB' * 20) } | Should -Throw -PassThru  # a terminating error: -ErrorVariable would hold the CmdletInvocationException, not the record

        $err.FullyQualifiedErrorId | Should -Be "CertificateNotFound,$CmdletId"
        $err.Exception.Message | Should -Match 'CurrentUser\\My'
    }

    It 'refuses a sandbox that is not on loopback' {
        $line = '{"authority":"https://login.microsoftonline.com/","graph":"https://graph.microsoft.com/v1.0","certificateSha256":"AB"}'

        $err = { Connect-GraphMail -Sandbox $line -TenantId $Tenant -ClientId $SenderApp -ClientSecret $SenderSecret } | Should -Throw -PassThru  # a terminating error: -ErrorVariable would hold the CmdletInvocationException, not the record

        $err.FullyQualifiedErrorId | Should -Be "InvalidSandboxEndpoint,$CmdletId"
    }

    It 'keeps the secret out of verbose output' {
        $verbose = Connect-GraphMail -Sandbox $Sandbox.ReadyLine -TenantId $Tenant -ClientId $SenderApp -ClientSecret $SenderSecret -Verbose 4>&1

        ($verbose | Out-String) | Should -Not -Match ([regex]::Escape($SenderSecretText))
        ($verbose | Out-String) | Should -Match 'Connected'
        Disconnect-GraphMail
    }
}
