#Requires -Modules Pester
# Disconnect-GraphMail: forgets this runspace's connection; only warns when there is none.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    $script:Sandbox = Start-TestSandbox
    $script:SenderSecret = ConvertTo-SecureString 'Sbx8Q~GraphMailSender.Secret-0001' -AsPlainText -Force
    $script:Connect = @{
        Sandbox      = $Sandbox.ReadyLine
        TenantId     = 'contoso.com'
        ClientId     = '51c27551-41e7-4952-a996-08bd0bfb1752'
        ClientSecret = $SenderSecret
    }
}

AfterAll {
    Stop-TestSandbox -Sandbox $Sandbox
}

Describe 'Disconnect-GraphMail' {
    It 'forgets the connection' {
        Connect-GraphMail @Connect

        Disconnect-GraphMail -WarningVariable warnings

        Get-GraphMailConnection | Should -BeNullOrEmpty
        $warnings | Should -BeNullOrEmpty
    }

    It 'writes no output' {
        Connect-GraphMail @Connect

        Disconnect-GraphMail | Should -BeNullOrEmpty
    }

    It 'only warns when not connected, even under -ErrorAction Stop' {
        Disconnect-GraphMail -WarningAction SilentlyContinue

        { Disconnect-GraphMail -ErrorAction Stop -WarningVariable warnings -WarningAction SilentlyContinue } | Should -Not -Throw
        Disconnect-GraphMail -ErrorVariable errors -WarningVariable warnings -WarningAction SilentlyContinue

        $errors | Should -BeNullOrEmpty
        "$warnings" | Should -Be 'Not connected to GraphMail in this session; nothing to disconnect.'
    }

    It 'leaves another runspace connected' {
        Connect-GraphMail @Connect
        $module = (Get-Module GraphMail).Path
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                param($module)
                Import-Module $module
                Disconnect-GraphMail -WarningAction SilentlyContinue
            }).AddArgument($module).Invoke()

            Get-GraphMailConnection | Should -Not -BeNullOrEmpty
        }
        finally {
            $ps.Dispose()
            Disconnect-GraphMail
        }
    }
}
