#Requires -Modules Pester
# Send-GraphMail against a sandbox: both pipeline habits, -WhatIf, -PassThru, and error ids through -ErrorVariable.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    $script:Sandbox = Start-TestSandbox
    # The large-attachments app: Mail.Send and Mail.ReadWrite, scoped to noreply@ and reports@.
    $script:Connect = @{
        Sandbox      = $Sandbox.ReadyLine
        TenantId     = 'contoso.com'
        ClientId     = 'd0bf47c5-e6e9-4011-86fc-e62ba8a2cdda'
        ClientSecret = (ConvertTo-SecureString 'Sbx8Q~LargeAttachments.Secret-0005' -AsPlainText -Force)
        DefaultFrom  = 'noreply@contoso.com'
    }
    Connect-GraphMail @Connect

    function Get-SentMessage {
        @(Invoke-SandboxControl -Sandbox $Sandbox -Path 'messages')
    }

    function Get-SandboxRequest {
        param(
            [string] $Route
        )

        @(Invoke-SandboxControl -Sandbox $Sandbox -Path 'requests') | Where-Object { -not $Route -or $_.route -eq $Route }
    }
}

AfterAll {
    Disconnect-GraphMail -WarningAction SilentlyContinue
    Stop-TestSandbox -Sandbox $Sandbox
}

Describe 'Send-GraphMail' {
    BeforeEach {
        Invoke-SandboxControl -Sandbox $Sandbox -Path 'messages' -Method DELETE
        Invoke-SandboxControl -Sandbox $Sandbox -Path 'requests' -Method DELETE
        Invoke-SandboxControl -Sandbox $Sandbox -Path 'faults' -Method DELETE
    }

    It 'sends one message with Send-MailMessage''s positional parameters' {
        Send-GraphMail 'ops@fabrikam.com' 'Backup finished' 'All jobs completed.'

        $message = Get-SentMessage
        $message | Should -HaveCount 1
        $message[0].toRecipients[0].address | Should -Be 'ops@fabrikam.com'
        $message[0].subject | Should -Be 'Backup finished'
        $message[0].bodyContent | Should -Be 'All jobs completed.'
        $message[0].senderMailbox | Should -Be 'noreply@contoso.com'
    }

    It 'attaches every piped file to one message (habit 1)' {
        $folder = Join-Path $TestDrive 'logs'
        New-Item -ItemType Directory -Path $folder | Out-Null
        1..3 | ForEach-Object { Set-Content -Path (Join-Path $folder "run$_.log") -Value "log $_" }

        Get-ChildItem -Path $folder -Filter *.log | Send-GraphMail -To ops@fabrikam.com -Subject 'Nightly logs'

        $message = Get-SentMessage
        $message | Should -HaveCount 1
        @($message[0].attachments.name | Sort-Object) | Should -Be @('run1.log', 'run2.log', 'run3.log')
    }

    It 'sends one message per CSV row (habit 2)' {
        $rows = @(
            [pscustomobject]@{ To = 'ann@fabrikam.com'; Subject = 'Hello Ann'; Body = 'Hi Ann' }
            [pscustomobject]@{ To = 'bob@fabrikam.com'; Subject = 'Hello Bob'; Body = 'Hi Bob' }
        )

        $results = $rows | Send-GraphMail -From reports@contoso.com -PassThru

        $results | Should -HaveCount 2
        $results.Status | Should -Be @('Sent', 'Sent')
        $messages = Get-SentMessage
        @($messages.subject | Sort-Object) | Should -Be @('Hello Ann', 'Hello Bob')
        @($messages.senderMailbox | Select-Object -Unique) | Should -Be @('reports@contoso.com')
    }

    It '-WhatIf says what it would send, sends nothing and writes no -Journal' {
        # "What if:" goes to the host, past every stream redirection: a child pwsh's output is where it can be read
        # (and it stays out of this run's console). -WhatIf needs no connection, so the child does not connect.
        $journal = Join-Path $TestDrive 'preview.jsonl'
        # This PowerShell's own executable: under `dotnet pwsh` the process is dotnet, so not (Get-Process -Id $PID).Path.
        $pwsh = if ($PSVersionTable.PSEdition -eq 'Desktop') { Join-Path $PSHOME 'powershell.exe' } elseif ($IsWindows) { Join-Path $PSHOME 'pwsh.exe' } else { Join-Path $PSHOME 'pwsh' }
        $said = & $pwsh -NoProfile -NonInteractive -Command "Import-Module '$ModuleManifest'; Send-GraphMail -To ops@fabrikam.com -Subject 'Not really' -Journal '$journal' -WhatIf" 2>&1

        $LASTEXITCODE | Should -Be 0
        "$said" | Should -BeLike "What if: Performing the operation ""Send mail"" on target ""Send 'Not really' from * to 1 recipient(s) (ops@fabrikam.com), no attachments, in one sendMail request"".*"
        $journal | Should -Not -Exist
        Get-SentMessage | Should -BeNullOrEmpty
        Get-SandboxRequest -Route 'sendMail' | Should -BeNullOrEmpty
    }

    It 'attaches every file a wildcard matches, from the current location' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'wild')
        'one', 'two' | ForEach-Object { Set-Content -LiteralPath (Join-Path $folder "$_.log") -Value $_ }
        Set-Content -LiteralPath (Join-Path $folder 'notes[1].log') -Value 'literal'

        Push-Location -LiteralPath $folder
        try {
            Send-GraphMail -To ops@fabrikam.com -Subject 'Wildcard' -Attachments ./[ot]*.log
            Send-GraphMail -To ops@fabrikam.com -Subject 'Literal' -Attachments './notes[1].log'
            Send-GraphMail -To ops@fabrikam.com -Subject 'None' -Attachments ./*.pdf -ErrorVariable errors -ErrorAction SilentlyContinue
        }
        finally {
            Pop-Location
        }

        $messages = Get-SentMessage
        $messages | Should -HaveCount 2
        @(($messages | Where-Object subject -EQ 'Wildcard').attachments.name | Sort-Object) | Should -Be @('one.log', 'two.log')
        @(($messages | Where-Object subject -EQ 'Literal').attachments.name) | Should -Be @('notes[1].log')
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'AttachmentNotFound,*'
        $errors[0].TargetObject | Should -Be './*.pdf'
    }

    It '-PassThru writes a SendResult with the stamped Message-ID' {
        $result = Send-GraphMail -To ops@fabrikam.com -Subject 'Traced' -PassThru

        $result.GetType().FullName | Should -Be 'GraphMail.SendResult'
        $result.Status | Should -Be 'Sent'
        $result.Attempts | Should -Be 1
        $result.InternetMessageId | Should -Match '^<[0-9a-f]{32}@contoso\.com>$'
        (Get-SentMessage)[0].internetMessageId | Should -Be $result.InternetMessageId
    }

    It 'writes nothing on success without -PassThru' {
        Send-GraphMail -To ops@fabrikam.com -Subject 'Quiet' | Should -BeNullOrEmpty
    }

    It 'refuses a bad address with InvalidEmailAddress and sends nothing' {
        Send-GraphMail -To 'not-an-address' -Subject 'x' -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidEmailAddress,*'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        "$($errors[0])" | Should -Match "not-an-address"
        Get-SandboxRequest | Should -BeNullOrEmpty
    }

    It 'refuses a missing attachment with AttachmentNotFound' {
        Send-GraphMail -To ops@fabrikam.com -Attachments (Join-Path $TestDrive 'missing.pdf') -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors[0].FullyQualifiedErrorId | Should -BeLike 'AttachmentNotFound,*'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'reports a 504 after the message was queued as Unknown, once' {
        Invoke-SandboxControl -Sandbox $Sandbox -Path 'faults' -Method POST -Body @{ route = 'sendMail'; kind = 'gatewayTimeoutAfterAccept'; count = 1 }

        $result = Send-GraphMail -To ops@fabrikam.com -Subject 'Maybe' -PassThru -ErrorVariable errors -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'Unknown'
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'SendOutcomeUnknown,*'
        "$($errors[0])" | Should -Match ([regex]::Escape($result.InternetMessageId))
        Get-SentMessage | Should -HaveCount 1
    }

    It 'warns once that the SMTP parameters are ignored' {
        Send-GraphMail -To ops@fabrikam.com -Subject 'Old script' -SmtpServer smtp.contoso.com -Port 587 -UseSsl -WarningVariable warnings -WarningAction SilentlyContinue

        $warnings | Should -HaveCount 1
        "$warnings" | Should -Match 'SmtpServer'
        Get-SentMessage | Should -HaveCount 1
    }

    It 'accepts -Encoding by name, as Send-MailMessage does' {
        Send-GraphMail -To ops@fabrikam.com -Subject 'Grüße' -Encoding UTF8

        (Get-SentMessage)[0].subject | Should -Be 'Grüße'
    }
}

Describe 'Send-GraphMail without a connection' {
    BeforeAll {
        Disconnect-GraphMail -WarningAction SilentlyContinue
    }

    AfterAll {
        Connect-GraphMail @Connect
    }

    It 'fails with GraphMailNotConnected' {
        { Send-GraphMail -To ops@fabrikam.com -Subject 'x' -ErrorAction Stop } | Should -Throw -ErrorId 'GraphMailNotConnected,*'
    }
}
