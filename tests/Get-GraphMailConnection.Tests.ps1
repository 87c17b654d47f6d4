#Requires -Modules Pester
# Get-GraphMailConnection: this runspace's connection, or nothing.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    $script:Sandbox = Start-TestSandbox
    $script:SenderSecretText = 'Sbx8Q~GraphMailSender.Secret-0001'
    $script:Connect = @{
        Sandbox      = $Sandbox.ReadyLine
        TenantId     = 'contoso.com'
        ClientId     = '51c27551-41e7-4952-a996-08bd0bfb1752'
        ClientSecret = (ConvertTo-SecureString $SenderSecretText -AsPlainText -Force)
        DefaultFrom  = 'noreply@contoso.com'
    }
}

AfterAll {
    Disconnect-GraphMail -WarningAction SilentlyContinue
    Stop-TestSandbox -Sandbox $Sandbox
}

Describe 'Get-GraphMailConnection' {
    It 'returns nothing and no error when not connected' {
        Disconnect-GraphMail -WarningAction SilentlyContinue

        Get-GraphMailConnection -ErrorVariable errors | Should -BeNullOrEmpty
        $errors | Should -BeNullOrEmpty
    }

    It 'returns the connection made in this runspace' {
        Connect-GraphMail @Connect

        $info = Get-GraphMailConnection

        $info.GetType().FullName | Should -Be 'GraphMail.ConnectionInfo'
        $info.ClientId | Should -Be '51c27551-41e7-4952-a996-08bd0bfb1752'
        $info.TenantDomain | Should -Be 'contoso.com'
        $info.DefaultFrom | Should -Be 'noreply@contoso.com'
        $info.AuthorityHost | Should -Match '^127\.0\.0\.1:\d+$'
        $info.GraphEndpoint | Should -Be $Sandbox.Endpoint.graph
    }

    It 'shows no secret in any view' {
        Connect-GraphMail @Connect
        $info = Get-GraphMailConnection

        $text = ($info | Format-List * | Out-String) + ($info | Format-Table | Out-String) + ($info | ConvertTo-Json) + "$info"

        $text | Should -Not -Match ([regex]::Escape($SenderSecretText))
        $text | Should -Not -Match 'eyJ'
    }

    It 'is empty in a new runspace' {
        Connect-GraphMail @Connect
        $module = (Get-Module GraphMail).Path
        $ps = [powershell]::Create()
        try {
            $result = $ps.AddScript({
                param($module)
                Import-Module $module
                Get-GraphMailConnection
            }).AddArgument($module).Invoke()

            $result | Should -BeNullOrEmpty
        }
        finally {
            $ps.Dispose()
        }
    }
}
