#Requires -Modules Pester
# Get-GraphMailSandboxMessage: what the sandbox accepted, as objects a test asserts on.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    $script:Sandbox = Start-TestSandbox
    $script:CmdletId = 'GraphMail.Commands.GetGraphMailSandboxMessageCommand'
}

AfterAll {
    Stop-TestSandbox -Sandbox $Sandbox
}

Describe 'Get-GraphMailSandboxMessage' {
    BeforeEach {
        Clear-GraphMailSandboxMessage -Sandbox $Sandbox
    }

    It 'returns every property of a message as it was sent' {
        $bytes = [byte[]](1..200)
        $file = Join-Path ([System.IO.Path]::GetTempPath()) ("attachment-" + [guid]::NewGuid() + '.bin')
        [System.IO.File]::WriteAllBytes($file, $bytes)
        $message = @{
            subject                = 'Quarterly report'
            body                   = @{ contentType = 'HTML'; content = '<p>Hi</p>' }
            toRecipients           = @(@{ emailAddress = @{ address = 'ann@example.com'; name = 'Ann' } })
            ccRecipients           = @(@{ emailAddress = @{ address = 'cc@example.com' } })
            bccRecipients          = @(@{ emailAddress = @{ address = 'bcc@example.com' } })
            replyTo                = @(@{ emailAddress = @{ address = 'help@contoso.com'; name = 'Help desk' } })
            importance             = 'high'
            internetMessageId      = '<pester-1@contoso.com>'
            internetMessageHeaders = @(@{ name = 'X-Run-Id'; value = 'r-42' })
            attachments            = @(@{ '@odata.type' = '#microsoft.graph.fileAttachment'; name = 'data.bin'; contentType = 'application/octet-stream'; contentBytes = [Convert]::ToBase64String($bytes) })
        }

        (Send-SandboxTestMail -Sandbox $Sandbox -Message $message).StatusCode | Should -Be 202
        $received = Get-GraphMailSandboxMessage

        $received | Should -HaveCount 1
        $received.GetType().FullName | Should -Be 'GraphMail.SandboxMessage'
        $received.Mailbox | Should -Be 'noreply@contoso.com'
        "$($received.To)" | Should -Be 'Ann <ann@example.com>'
        $received.To.Name | Should -Be 'Ann'
        $received.Cc.Address | Should -Be 'cc@example.com'
        $received.Bcc.Address | Should -Be 'bcc@example.com'
        $received.ReplyTo.Address | Should -Be 'help@contoso.com'
        $received.Subject | Should -Be 'Quarterly report'
        $received.Body | Should -Be '<p>Hi</p>'
        $received.BodyType | Should -Be 'html'
        $received.Importance | Should -Be 'high'
        $received.Headers['x-run-id'] | Should -Be 'r-42'
        $received.InternetMessageId | Should -Be '<pester-1@contoso.com>'
        $received.SaveToSentItems | Should -BeFalse
        $received.ClientId | Should -Be '51c27551-41e7-4952-a996-08bd0bfb1752'
        $received.Path | Should -Be 'sendMail'
        $received.RequestId | Should -Match '^[0-9a-f-]{36}$'
        $received.ReceivedAt | Should -BeOfType [DateTimeOffset]
        $received.Attachments.Name | Should -Be 'data.bin'
        $received.Attachments.Size | Should -Be 200
        $received.Attachments.Sha256 | Should -BeExactly (Get-FileHash -LiteralPath $file -Algorithm SHA256).Hash
        $received.Attachments.IsInline | Should -BeFalse
        Remove-Item -LiteralPath $file
    }

    It 'returns messages oldest first, filtered by -Mailbox' {
        Send-SandboxTestMail -Sandbox $Sandbox -Message (New-SandboxTestMessage -Subject 'one') | Out-Null
        Send-SandboxTestMail -Sandbox $Sandbox -Message (New-SandboxTestMessage -Subject 'two') -Mailbox 'reports@contoso.com' | Out-Null

        (Get-GraphMailSandboxMessage).Subject | Should -Be @('one', 'two')
        (Get-GraphMailSandboxMessage reports@contoso.com).Subject | Should -Be 'two'
        Get-GraphMailSandboxMessage -Mailbox 'ceo@contoso.com' | Should -BeNullOrEmpty
    }

    It 'filters by -Subject, a case-insensitive wildcard pattern' {
        Send-SandboxTestMail -Sandbox $Sandbox -Message (New-SandboxTestMessage -Subject 'Daily report 2026-12-01') | Out-Null
        Send-SandboxTestMail -Sandbox $Sandbox -Message (New-SandboxTestMessage -Subject 'Monthly export [final]') | Out-Null

        (Get-GraphMailSandboxMessage -Subject 'daily REPORT *').Subject | Should -Be 'Daily report 2026-12-01'
        (Get-GraphMailSandboxMessage -Subject 'Monthly export `[final`]').Subject | Should -Be 'Monthly export [final]'
        (Get-GraphMailSandboxMessage -Subject '*').Subject | Should -Be @('Daily report 2026-12-01', 'Monthly export [final]')
        Get-GraphMailSandboxMessage -Subject 'Daily report' | Should -BeNullOrEmpty
        (Get-GraphMailSandboxMessage noreply@contoso.com -Subject 'Monthly*').Subject | Should -Be 'Monthly export [final]'
    }

    It 'reads the sandbox it is given, also from the pipeline' {
        Send-SandboxTestMail -Sandbox $Sandbox -Message (New-SandboxTestMessage -Subject 'piped') | Out-Null

        ($Sandbox | Get-GraphMailSandboxMessage).Subject | Should -Be 'piped'
        (Get-GraphMailSandboxMessage -Sandbox $Sandbox).Subject | Should -Be 'piped'
    }

    It 'shows messages as a table with recipients and attachment count' {
        Send-SandboxTestMail -Sandbox $Sandbox -Message (New-SandboxTestMessage -Subject 'in a table' -To 'table@example.com') | Out-Null

        $text = Get-GraphMailSandboxMessage | Out-String

        $text | Should -Match 'Subject'
        $text | Should -Match 'table@example\.com'
        $text | Should -Match 'in a table'
    }

    It 'fails with SandboxNotStarted in a runspace that started none' {
        $powershell = [powershell]::Create()
        try {
            $null = $powershell.AddScript("Import-Module '$ModuleManifest'; Get-GraphMailSandboxMessage")

            $output = $powershell.Invoke()  # a script: the cmdlet's terminating error ends its statement and lands in the error stream

            $output | Should -BeNullOrEmpty
            $powershell.Streams.Error | Should -HaveCount 1
            $powershell.Streams.Error[0].FullyQualifiedErrorId | Should -Be 'SandboxNotStarted,GraphMail.Commands.GetGraphMailSandboxMessageCommand'
            $powershell.Streams.Error[0].Exception.Message | Should -BeLike '*No GraphMail.Sandbox is running in this session: none was started, or Stop-GraphMailSandbox has stopped every one.*'
        }
        finally {
            $powershell.Dispose()
        }
    }

    It 'fails with SandboxNotStarted that names Stop-GraphMailSandbox after every sandbox of the runspace was stopped' {
        $powershell = [powershell]::Create()
        try {
            $null = $powershell.AddScript("Import-Module '$ModuleManifest'; `$null = Start-GraphMailSandbox; Stop-GraphMailSandbox; Get-GraphMailSandboxMessage")

            $null = $powershell.Invoke()

            $powershell.Streams.Error | Should -HaveCount 1
            $powershell.Streams.Error[0].FullyQualifiedErrorId | Should -Be 'SandboxNotStarted,GraphMail.Commands.GetGraphMailSandboxMessageCommand'
            $powershell.Streams.Error[0].Exception.Message | Should -BeLike '*or Stop-GraphMailSandbox has stopped every one*'
        }
        finally {
            $powershell.Dispose()
        }
    }

    It 'writes SandboxUnreachable for a sandbox that has stopped' {
        $stopped = Start-GraphMailSandbox
        Stop-GraphMailSandbox -Sandbox $stopped  # also forgets it: the later tests pass -Sandbox

        Get-GraphMailSandboxMessage -Sandbox $stopped -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors[0].FullyQualifiedErrorId | Should -Be "SandboxUnreachable,$CmdletId"
        $errors[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $errors[0].TargetObject | Should -Be $stopped
    }
}
