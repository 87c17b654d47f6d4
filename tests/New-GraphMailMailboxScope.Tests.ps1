#Requires -Modules Pester
# New-GraphMailMailboxScope without Exchange Online: the commands as text, quoted so crafted values stay values.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    $script:AppId = '51c27551-41e7-4952-a996-08bd0bfb1752'
    $script:ObjectId = 'dffb6ad1-94d7-4294-8d0f-48c38b15a6d3'
}

Describe 'New-GraphMailMailboxScope' {
    It 'writes the RBAC for Applications commands' {
        $lines = New-GraphMailMailboxScope -ClientId $AppId -Mailbox 'noreply@contoso.com' -ServicePrincipalObjectId $ObjectId -AsScript -WarningAction SilentlyContinue

        $lines | Should -Contain "if (-not (Get-ServicePrincipal -Identity '$AppId' -ErrorAction SilentlyContinue)) { New-ServicePrincipal -AppId '$AppId' -ObjectId '$ObjectId' -DisplayName 'GraphMail $AppId' }"
        ($lines -join "`n") | Should -BeLike "*else { New-ManagementScope -Name 'GraphMail $AppId' -RecipientRestrictionFilter `"PrimarySmtpAddress -eq 'noreply@contoso.com'`" }*"
        ($lines -join "`n") | Should -BeLike "*{ New-ManagementRoleAssignment -Name 'GraphMail Mail.Send $AppId' -App '$AppId' -Role 'Application Mail.Send' -CustomResourceScope 'GraphMail $AppId' }*"
    }

    It 'writes a script that parses and can run again' {
        $lines = New-GraphMailMailboxScope -ClientId $AppId -Mailbox 'noreply@contoso.com' -ServicePrincipalObjectId $ObjectId -AsScript -WarningAction SilentlyContinue

        $tokens = $null
        $errors = $null
        [System.Management.Automation.Language.Parser]::ParseInput(($lines -join "`n"), [ref] $tokens, [ref] $errors) | Out-Null
        $errors | Should -BeNullOrEmpty
        ($lines | Where-Object { $_ -like 'if (*' }) | Should -HaveCount 3
    }

    It 'warns that an Entra ID Mail.Send grant defeats the RBAC scope' {
        New-GraphMailMailboxScope -ClientId $AppId -Mailbox 'noreply@contoso.com' -ServicePrincipalObjectId $ObjectId -AsScript -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null

        ($warnings -join ' ') | Should -BeLike '*tenant-wide*'
    }

    It 'writes the legacy group and policy' {
        $lines = New-GraphMailMailboxScope -ClientId $AppId -Mailbox 'noreply@contoso.com' -Legacy -GroupName 'GraphMail Senders' -AsScript -WarningAction SilentlyContinue

        ($lines -join "`n") | Should -BeLike "*{ New-DistributionGroup -Name 'GraphMail Senders' -Type Security }*"
        ($lines -join "`n") | Should -BeLike "*{ Add-DistributionGroupMember -Identity 'GraphMail Senders' -Member 'noreply@contoso.com' }*"
        ($lines | Where-Object { $_ -like '*New-ApplicationAccessPolicy*' }) | Should -BeLike "*-AccessRight RestrictAccess*"
    }

    It 'quotes a crafted name so that running the script only creates objects' {
        $hostile = "x'; Remove-Mailbox -Identity ceo -Confirm:`$false; '"
        $lines = New-GraphMailMailboxScope -ClientId $AppId -Mailbox 'noreply@contoso.com' -ServicePrincipalObjectId $ObjectId -ScopeName $hostile -AsScript -WarningAction SilentlyContinue
        $scopeLine = $lines | Where-Object { $_ -like '*New-ManagementScope*' }

        $tokens = $null
        $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($scopeLine, [ref] $tokens, [ref] $errors)
        $errors | Should -BeNullOrEmpty
        $isCommand = {
            param($node)

            $node -is [System.Management.Automation.Language.CommandAst]
        }
        $commands = $ast.FindAll($isCommand, $true)
        @($commands | ForEach-Object { $_.GetCommandName() }) | Should -Be @('Get-ManagementScope', 'Set-ManagementScope', 'New-ManagementScope')
        $commands | ForEach-Object { $_.CommandElements[2].Value | Should -Be $hostile }
    }

    It 'refuses the client ID given as the service principal object ID' {
        { New-GraphMailMailboxScope -ClientId $AppId -Mailbox 'noreply@contoso.com' -ServicePrincipalObjectId $AppId -AsScript -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidServicePrincipalObjectId,GraphMail.Commands.NewGraphMailMailboxScopeCommand'
    }
}
