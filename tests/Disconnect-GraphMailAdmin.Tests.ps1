#Requires -Modules Pester
# Disconnect-GraphMailAdmin: the admin sign-in goes, the app connection stays, and a second call only warns.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'SandboxSeedWithAdmin.ps1')

    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) ('graphmail-admin-out-pester-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $Work
    $script:Sandbox = Start-TestSandbox -Seed (New-AdminSandboxSeed -Directory $Work)
}

AfterAll {
    Disconnect-GraphMail -WarningAction SilentlyContinue
    Stop-TestSandbox -Sandbox $Sandbox
    Remove-Item -LiteralPath $Work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Disconnect-GraphMailAdmin' {
    It 'forgets the admin sign-in and keeps the app connection' {
        Connect-GraphMailAdmin -TenantId contoso.com -Sandbox $Sandbox.ReadyLine -WarningAction SilentlyContinue
        New-GraphMailApplication -DisplayName ('Sign-out ' + [guid]::NewGuid()) -ClientSecret | Connect-GraphMail -DefaultFrom noreply@contoso.com

        Disconnect-GraphMailAdmin -WarningVariable warned

        $warned | Should -BeNullOrEmpty
        Get-GraphMailConnection | Should -Not -BeNullOrEmpty
        $failed = { New-GraphMailApplication -DisplayName 'After sign-out' } |
            Should -Throw -ErrorId 'GraphMailAdminNotConnected,GraphMail.Commands.NewGraphMailApplicationCommand' -PassThru
        $failed.ErrorDetails.RecommendedAction | Should -BeLike '*Connect-GraphMailAdmin*'
    }

    It 'only warns when no administrator is signed in' {
        Disconnect-GraphMailAdmin -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction Stop

        $warned.Message | Should -Be 'No administrator is signed in to GraphMail in this session; nothing to disconnect.'
    }
}
