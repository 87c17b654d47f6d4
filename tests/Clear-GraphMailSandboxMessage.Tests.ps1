#Requires -Modules Pester
# Clear-GraphMailSandboxMessage: forgets recorded messages, and nothing else.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    $script:Sandbox = Start-TestSandbox
}

AfterAll {
    Stop-TestSandbox -Sandbox $Sandbox
}

Describe 'Clear-GraphMailSandboxMessage' {
    AfterEach {
        Clear-GraphMailSandboxFault -Sandbox $Sandbox
    }

    It 'forgets the recorded messages and keeps the faults' {
        Send-SandboxTestMail -Sandbox $Sandbox -Message (New-SandboxTestMessage) | Out-Null
        Add-GraphMailSandboxFault -Route send -Kind unavailable -Sandbox $Sandbox

        Clear-GraphMailSandboxMessage

        Get-GraphMailSandboxMessage | Should -BeNullOrEmpty
        (Invoke-SandboxControl -Sandbox $Sandbox -Path 'faults').route | Should -Be 'send'
    }

    It 'clears the sandbox it is given, also from the pipeline' {
        Send-SandboxTestMail -Sandbox $Sandbox -Message (New-SandboxTestMessage) | Out-Null

        $Sandbox | Clear-GraphMailSandboxMessage

        Get-GraphMailSandboxMessage -Sandbox $Sandbox | Should -BeNullOrEmpty
    }

    It 'writes nothing and takes no -WhatIf' {
        Clear-GraphMailSandboxMessage | Should -BeNullOrEmpty
        (Get-Command Clear-GraphMailSandboxMessage).Parameters.ContainsKey('WhatIf') | Should -BeFalse
    }
}
