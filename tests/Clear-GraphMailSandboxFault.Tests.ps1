#Requires -Modules Pester
# Clear-GraphMailSandboxFault: removes every fault, counted or by ratio.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    $script:Sandbox = Start-TestSandbox
}

AfterAll {
    Stop-TestSandbox -Sandbox $Sandbox
}

Describe 'Clear-GraphMailSandboxFault' {
    It 'removes counted and ratio faults, so sends go through again' {
        Add-GraphMailSandboxFault -Route sendMail -Kind throttle -Count 5
        Add-GraphMailSandboxFault -Route sendMail -Kind unavailable -Ratio 1

        Clear-GraphMailSandboxFault

        Invoke-SandboxControl -Sandbox $Sandbox -Path 'faults' | Should -BeNullOrEmpty
        (Send-SandboxTestMail -Sandbox $Sandbox -Message (New-SandboxTestMessage)).StatusCode | Should -Be 202
    }

    It 'keeps the recorded messages' {
        Clear-GraphMailSandboxMessage
        Send-SandboxTestMail -Sandbox $Sandbox -Message (New-SandboxTestMessage -Subject 'kept') | Out-Null

        $Sandbox | Clear-GraphMailSandboxFault

        (Get-GraphMailSandboxMessage).Subject | Should -Be 'kept'
    }
}
