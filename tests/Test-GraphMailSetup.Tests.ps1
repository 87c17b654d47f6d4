#Requires -Modules Pester
# Test-GraphMailSetup against a GraphMail.Sandbox process: each failure layer named, probes that deliver nothing,
# one verification message, -Quiet, and the session's connection left alone.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'HostCapture.ps1')

    $script:Sandbox = Start-TestSandbox
    $script:SenderApp = '51c27551-41e7-4952-a996-08bd0bfb1752'
    $script:UnscopedApp = 'f71d6a18-2082-40cb-8da2-0c7f47be96d8'
    $script:UnconsentedApp = '496c0d13-47bb-44aa-b10b-4ce402cb1d21'

    function New-TestSecret {
        param(
            [string] $Text
        )

        ConvertTo-SecureString $Text -AsPlainText -Force
    }

    function Get-SentMessage {
        @(Invoke-SandboxControl -Sandbox $Sandbox -Path 'messages')
    }

    $script:Sender = @{
        Sandbox      = $Sandbox.ReadyLine
        TenantId     = 'contoso.com'
        ClientId     = $SenderApp
        ClientSecret = (New-TestSecret 'Sbx8Q~GraphMailSender.Secret-0001')
    }
}

AfterAll {
    Disconnect-GraphMail -WarningAction SilentlyContinue
    Stop-TestSandbox -Sandbox $Sandbox
}

Describe 'Test-GraphMailSetup' {
    BeforeEach {
        Invoke-SandboxControl -Sandbox $Sandbox -Path 'messages' -Method DELETE
        Invoke-SandboxControl -Sandbox $Sandbox -Path 'requests' -Method DELETE
    }

    It 'passes a correctly scoped app and ends with the summary a vendor asks for' {
        $output = Test-GraphMailSetup @Sender -Mailbox 'noreply@contoso.com' -OutOfScopeMailbox 'ceo@contoso.com'

        $checks = $output | Where-Object { $_ -is [GraphMail.SetupCheckResult] }
        $checks.Check | Should -Be @('Tenant', 'Registration', 'Credential', 'Permissions', 'SenderMailbox', 'SenderAccess', 'VerificationSend', 'Scoping', 'LargeAttachments', 'ExactlyOnce', 'SendingLimits')
        ($checks | Where-Object Status -EQ 'Failed') | Should -BeNullOrEmpty
        $summary = $output[-1]
        $summary | Should -BeOfType ([GraphMail.SetupSummary])
        $summary.Ready | Should -BeTrue
        $summary.TenantId | Should -Be '30d943bf-6a43-47b0-a36a-66a1a07848ca'
        $summary.TenantDomain | Should -Be 'contoso.com'
        $summary.ClientId | Should -Be $SenderApp
        $summary.Mailbox | Should -Be 'noreply@contoso.com'
        Get-SentMessage | Should -BeNullOrEmpty
    }

    It 'fails the Credential layer for a wrong secret and skips the rest' {
        $output = Test-GraphMailSetup -Sandbox $Sandbox.ReadyLine -TenantId contoso.com -ClientId $SenderApp -ClientSecret (New-TestSecret 'wrong') -Mailbox 'noreply@contoso.com'

        $credential = $output | Where-Object Check -EQ 'Credential'
        $credential.Status | Should -Be 'Failed'
        $credential.ServiceCode | Should -Be 'AADSTS7000215'
        ($output | Where-Object { $_.Check -in 'Permissions', 'Scoping' }).Status | Should -Be @('Skipped', 'Skipped')
    }

    It 'names the consent command for an app without consent' {
        $output = Test-GraphMailSetup -Sandbox $Sandbox.ReadyLine -TenantId contoso.com -ClientId $UnconsentedApp -ClientSecret (New-TestSecret 'Sbx8Q~Unconsented.Secret-0002') -Mailbox 'noreply@contoso.com'

        ($output | Where-Object Check -EQ 'Permissions').Remedy | Should -BeLike "Get-GraphMailConsentUrl -ClientId $UnconsentedApp -Tenant contoso.com*"
    }

    It 'fails Scoping for an app that can send as any mailbox' {
        $output = Test-GraphMailSetup -Sandbox $Sandbox.ReadyLine -TenantId contoso.com -ClientId $UnscopedApp -ClientSecret (New-TestSecret 'Sbx8Q~Unscoped.Secret-0004') -Mailbox 'noreply@contoso.com' -OutOfScopeMailbox 'ceo@contoso.com'

        $scoping = $output | Where-Object Check -EQ 'Scoping'
        $scoping.Status | Should -Be 'Failed'
        $scoping.Detail | Should -BeLike '*this app can send as any mailbox*'
        $scoping.Remedy | Should -BeLike 'New-GraphMailMailboxScope -ClientId f71d6a18-*'
        Get-SentMessage | Should -BeNullOrEmpty
    }

    It 'says with -Verbose what it does and how each check went, and never the secret' {
        $verbose = Test-GraphMailSetup @Sender -Mailbox 'noreply@contoso.com' -OutOfScopeMailbox 'ceo@contoso.com' -Quiet -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message

        $verbose | Should -Contain "Signing in on a connection of the test's own (the session's connection is left alone)."
        $verbose | Should -Contain 'Probing ceo@contoso.com: a sendMail without recipients, which Graph refuses before anything is delivered.'
        $verbose | Where-Object { $_ -like 'Permissions: Passed. App-only token*' } | Should -HaveCount 1
        ($verbose -join "`n") | Should -Not -Match 'Sbx8Q~|eyJ'
    }

    It 'returns only a boolean with -Quiet' {
        Test-GraphMailSetup @Sender -Mailbox 'noreply@contoso.com' -Quiet | Should -BeTrue
        Test-GraphMailSetup @Sender -Mailbox 'admin@contoso.com' -Quiet | Should -BeFalse
    }

    It 'sends exactly one verification message, and none with -WhatIf' {
        # In a runspace of its own, whose host keeps the "What if:" line (the test session's host would print it).
        $run = Invoke-WithRecordingHost -Variables @{ Sender = $Sender } -ScriptBlock {
            Test-GraphMailSetup @Sender -Mailbox 'noreply@contoso.com' -TestRecipient 'helpdesk@example.com' -WhatIf
        }

        $run.Errors | Should -BeNullOrEmpty
        $run.HostLines | Should -Be @('What if: Performing the operation "Send a GraphMail verification message" on target "helpdesk@example.com".')
        ($run.Output | Where-Object Check -EQ 'VerificationSend').Detail | Should -Be 'Not sent to helpdesk@example.com: declined (-WhatIf, or No at the confirmation prompt).'
        Get-SentMessage | Should -BeNullOrEmpty

        $check = Test-GraphMailSetup @Sender -Mailbox 'noreply@contoso.com' -TestRecipient 'helpdesk@example.com' -Confirm:$false | Where-Object Check -EQ 'VerificationSend'

        $check.Status | Should -Be 'Passed'
        $message = Get-SentMessage
        $message | Should -HaveCount 1
        $message[0].subject | Should -Be 'GraphMail setup test'
    }

    It 'tests the current connection without replacing it' {
        Connect-GraphMail @Sender -DefaultFrom 'noreply@contoso.com'
        $before = Get-GraphMailConnection

        $summary = Test-GraphMailSetup -OutOfScopeMailbox 'ceo@contoso.com' | Select-Object -Last 1
        Test-GraphMailSetup -Sandbox $Sandbox.ReadyLine -TenantId contoso.com -ClientId $UnscopedApp -ClientSecret (New-TestSecret 'Sbx8Q~Unscoped.Secret-0004') -Mailbox 'noreply@contoso.com' | Out-Null

        $summary.Mailbox | Should -Be 'noreply@contoso.com'
        (Get-GraphMailConnection).ClientId | Should -Be $before.ClientId
    }

    It 'names the tenant domain in the summary when the tenant is given by GUID' {
        # An administrator signed in to the tenant would name its domain (rightly): this test is about the mailbox's.
        Disconnect-GraphMail -WarningAction SilentlyContinue
        Disconnect-GraphMailAdmin -WarningAction SilentlyContinue
        $byGuid = @{ Sandbox = $Sandbox.ReadyLine; TenantId = '30d943bf-6a43-47b0-a36a-66a1a07848ca'; ClientId = $SenderApp; ClientSecret = $Sender.ClientSecret }

        (Test-GraphMailSetup @byGuid -Mailbox 'noreply@contoso.com' | Select-Object -Last 1).TenantDomain | Should -Be 'contoso.com'
        Connect-GraphMail @byGuid
        (Get-GraphMailConnection).TenantDomain | Should -BeNullOrEmpty -Because 'no default sender names a domain'
        (Test-GraphMailSetup -Mailbox 'noreply@contoso.com' | Select-Object -Last 1).TenantDomain | Should -Be 'contoso.com'
        (Test-GraphMailSetup -Mailbox 'info@fabrikam.com' | Select-Object -Last 1).TenantDomain | Should -BeNullOrEmpty -Because "fabrikam.com is another tenant's domain"
    }

    It 'refuses an out-of-scope mailbox that is the designated one, with its ErrorId' {
        { Test-GraphMailSetup @Sender -Mailbox 'noreply@contoso.com' -OutOfScopeMailbox 'NOREPLY@contoso.com' -ErrorAction Stop } |
            Should -Throw -ErrorId 'SetupInputConflict,GraphMail.Commands.TestGraphMailSetupCommand'
    }

    It 'reports a fresh policy as still propagating when told when it changed' {
        $output = Test-GraphMailSetup -Sandbox $Sandbox.ReadyLine -TenantId contoso.com -ClientId '2e4a81f8-d904-48db-ada9-1d764eacdcdd' -ClientSecret (New-TestSecret 'Sbx8Q~FreshPolicy.Secret-0007') -Mailbox 'noreply@contoso.com' -OutOfScopeMailbox 'ceo@contoso.com' -PolicyChangedAt (Get-Date).AddMinutes(-5)

        $scoping = $output | Where-Object Check -EQ 'Scoping'
        $scoping.Status | Should -Be 'Warning'
        $scoping.RetryAfter | Should -Not -BeNullOrEmpty
        $output[-1].Ready | Should -BeFalse
    }
}
