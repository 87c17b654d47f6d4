#Requires -Modules Pester
# Connect-GraphMailAdmin against a sandbox: the device code shown as a warning (never a token), -PassThru, and the
# errors an admin meets (terminating, so caught with Should -Throw).

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'SandboxSeedWithAdmin.ps1')

    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) ('graphmail-admin-pester-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $Work
    $script:Sandbox = Start-TestSandbox -Seed (New-AdminSandboxSeed -Directory $Work)
}

AfterAll {
    Stop-TestSandbox -Sandbox $Sandbox
    Remove-Item -LiteralPath $Work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Connect-GraphMailAdmin' {
    It 'shows the device code as a warning and returns who signed in, with the least scopes' {
        $info = Connect-GraphMailAdmin -TenantId contoso.com -Sandbox $Sandbox.ReadyLine -PassThru -WarningVariable shown -WarningAction SilentlyContinue

        $shown | Should -HaveCount 1
        $shown[0].Message | Should -Match '^To sign in, use a web browser to open the page https://127\.0\.0\.1:\d+/devicelogin and enter the code [A-Z0-9]{9} to authenticate\.$'
        $info | Should -BeOfType ([GraphMail.AdminConnectionInfo])
        $info.UserPrincipalName | Should -Be 'admin@contoso.com'
        $info.TenantId | Should -Be '30d943bf-6a43-47b0-a36a-66a1a07848ca'
        $info.ClientId | Should -Be '14d82eec-204b-4c2f-b7e8-296a70dab67e'
        $info.Scopes | Should -Be @('Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All')
        $info.Cloud | Should -Be 'GraphMail.Sandbox'
        ($info | Out-String) | Should -Not -Match 'eyJ'
    }

    It 'names the tenant domain, from the administrator''s account, when the tenant is given by GUID' {
        $info = Connect-GraphMailAdmin -TenantId 30d943bf-6a43-47b0-a36a-66a1a07848ca -Sandbox $Sandbox.ReadyLine -PassThru -WarningAction SilentlyContinue

        $info.TenantDomain | Should -Be 'contoso.com'
        (New-GraphMailApplication -DisplayName ('By GUID ' + [guid]::NewGuid()) -ClientSecret).TenantDomain | Should -Be 'contoso.com'
    }

    It 'refuses -Interactive against the sandbox, which emulates the device code only' {
        $failed = { Connect-GraphMailAdmin -TenantId contoso.com -Sandbox $Sandbox.ReadyLine -Interactive } |
            Should -Throw -ErrorId 'AdminSignInNotSupported,GraphMail.Commands.ConnectGraphMailAdminCommand' -PassThru

        $failed.ErrorDetails.RecommendedAction | Should -BeLike 'Leave out -Interactive*'
    }

    It 'names an unknown tenant' {
        $failed = { Connect-GraphMailAdmin -TenantId fabrikam.org -Sandbox $Sandbox.ReadyLine } |
            Should -Throw -ErrorId 'TenantNotFound,GraphMail.Commands.ConnectGraphMailAdminCommand' -PassThru

        $failed.TargetObject | Should -Be 'fabrikam.org'
        $failed.Exception.Message | Should -BeLike "Tenant 'fabrikam.org' was not found in the GraphMail.Sandbox cloud.*"
    }

    It 'says how to allow public client sign-ins when -AdminClientId is a confidential app' {
        $failed = { Connect-GraphMailAdmin -TenantId contoso.com -Sandbox $Sandbox.ReadyLine -AdminClientId 51c27551-41e7-4952-a996-08bd0bfb1752 -WarningAction SilentlyContinue } |
            Should -Throw -ErrorId 'AdminSignInFailed,GraphMail.Commands.ConnectGraphMailAdminCommand' -PassThru

        $failed.ErrorDetails.RecommendedAction | Should -BeLike "*'Allow public client flows' to Yes*"
    }
}
