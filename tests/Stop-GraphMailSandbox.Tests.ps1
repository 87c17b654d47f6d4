#Requires -Modules Pester
# Stop-GraphMailSandbox: stops a given sandbox, or every one this session started, and waits; with none, only a warning.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    $script:CmdletId = 'GraphMail.Commands.StopGraphMailSandboxCommand'
}

Describe 'Stop-GraphMailSandbox' {
    It 'stops the current sandbox, waits for it and removes its connection file' {
        $sandbox = Start-GraphMailSandbox

        Stop-GraphMailSandbox

        Get-Process -Id $sandbox.ProcessId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Test-Path -LiteralPath $sandbox.ConnectionFile | Should -BeFalse
    }

    It 'leaves no current sandbox behind' {
        Start-GraphMailSandbox | Out-Null
        Stop-GraphMailSandbox

        $err = { Get-GraphMailSandboxMessage } | Should -Throw -PassThru  # a terminating error: -ErrorVariable would hold the CmdletInvocationException, not the record

        $err.FullyQualifiedErrorId | Should -Be 'SandboxNotStarted,GraphMail.Commands.GetGraphMailSandboxMessageCommand'
    }

    It 'stops a piped sandbox and keeps the current one running' {
        $first = Start-GraphMailSandbox
        $second = Start-GraphMailSandbox
        try {
            $first | Stop-GraphMailSandbox

            Get-Process -Id $first.ProcessId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            (Get-Process -Id $second.ProcessId).HasExited | Should -BeFalse
            Get-GraphMailSandboxMessage -ErrorAction Stop | Should -BeNullOrEmpty
        }
        finally {
            Stop-GraphMailSandbox -Sandbox $second
        }
    }

    It 'only warns when there is nothing to stop' {
        Stop-GraphMailSandbox -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop

        $warnings | Should -HaveCount 1
        "$warnings" | Should -Be 'No GraphMail.Sandbox was started in this session; nothing to stop.'
    }

    It 'does nothing for a sandbox that has already stopped' {
        $sandbox = Start-GraphMailSandbox
        Stop-GraphMailSandbox -Sandbox $sandbox

        { Stop-GraphMailSandbox -Sandbox $sandbox -ErrorAction Stop } | Should -Not -Throw
    }

    It 'takes no -WhatIf' {
        (Get-Command Stop-GraphMailSandbox).Parameters.ContainsKey('WhatIf') | Should -BeFalse
        $CmdletId | Should -Be (Get-Command Stop-GraphMailSandbox).ImplementingType.FullName
    }
}

Describe 'Stop-GraphMailSandbox with several sandboxes' {
    It 'makes the sandbox started before the stopped one current again' {
        $first = Start-GraphMailSandbox
        $second = Start-GraphMailSandbox
        try {
            Stop-GraphMailSandbox -Sandbox $second
            Clear-GraphMailSandboxMessage -ErrorAction Stop

            (Get-Process -Id $first.ProcessId).HasExited | Should -BeFalse
        }
        finally {
            Stop-GraphMailSandbox -Sandbox $first
        }

        Stop-GraphMailSandbox -WarningVariable warnings -WarningAction SilentlyContinue
        "$warnings" | Should -Be 'No GraphMail.Sandbox was started in this session; nothing to stop.'
    }

    It 'stops every sandbox this session started when none is given' {
        $sandboxes = @(Start-GraphMailSandbox; Start-GraphMailSandbox; Start-GraphMailSandbox)

        Stop-GraphMailSandbox -WarningVariable warnings -WarningAction SilentlyContinue

        $warnings | Should -BeNullOrEmpty
        $sandboxes | ForEach-Object { Get-Process -Id $_.ProcessId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty }
        $sandboxes | ForEach-Object { Test-Path -LiteralPath $_.ConnectionFile | Should -BeFalse }
    }
}
