#Requires -Modules Pester
# Remove-GraphMailApplication against a sandbox whose admin approves sign-ins: by name, by client ID from the
# pipeline, -WhatIf, and errors through -ErrorVariable.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'SandboxSeedWithAdmin.ps1')
    . (Join-Path $PSScriptRoot 'HostCapture.ps1')

    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) ('graphmail-remove-pester-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $Work
    $script:Sandbox = Start-TestSandbox -Seed (New-AdminSandboxSeed -Directory $Work)
    Connect-GraphMailAdmin -TenantId contoso.com -Sandbox $Sandbox.ReadyLine -WarningAction SilentlyContinue
    $script:Password = ConvertTo-SecureString 'remove-test' -AsPlainText -Force
}

AfterAll {
    Stop-TestSandbox -Sandbox $Sandbox
    Remove-Item -LiteralPath $Work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Remove-GraphMailApplication' {
    It 'removes by name the app, its service principal and the PFX it made' {
        $name = 'Remove by name ' + [guid]::NewGuid()
        $pfx = Join-Path $Work ([guid]::NewGuid().ToString('N') + '.pfx')
        $app = New-GraphMailApplication -DisplayName $name -CertificatePath $pfx -CertificatePassword $Password

        $steps = Remove-GraphMailApplication -DisplayName $name -CertificatePath $pfx -CertificatePassword $Password -Confirm:$false -PassThru

        $steps.Step | Should -Be @('ServicePrincipal', 'Application', 'Certificate')
        $steps.Status | Should -Be @('Removed', 'Removed', 'Removed')
        $pfx | Should -Not -Exist
        Remove-GraphMailApplication -ClientId $app.ClientId -Confirm:$false -ErrorVariable gone -ErrorAction SilentlyContinue
        $gone[0].FullyQualifiedErrorId | Should -Be 'ApplicationNotFound,GraphMail.Commands.RemoveGraphMailApplicationCommand'
    }

    It 'keeps a PFX that holds no certificate of the app' {
        $name = 'Keep the file ' + [guid]::NewGuid()
        $other = Join-Path $Work 'other.pfx'
        $null = New-GraphMailApplication -DisplayName ('Other ' + [guid]::NewGuid()) -CertificatePath $other -CertificatePassword $Password
        $null = New-GraphMailApplication -DisplayName $name -ClientSecret

        $steps = Remove-GraphMailApplication -DisplayName $name -CertificatePath $other -CertificatePassword $Password -Confirm:$false -PassThru

        ($steps | Where-Object Step -EQ 'Certificate').Status | Should -Be 'Skipped'
        $other | Should -Exist
    }

    It 'takes client IDs by property name from the pipeline' {
        $apps = 1..2 | ForEach-Object { New-GraphMailApplication -DisplayName ('Piped ' + [guid]::NewGuid()) -ClientSecret }

        $apps | Select-Object ClientId | Remove-GraphMailApplication -Confirm:$false

        foreach ($app in $apps) {
            Remove-GraphMailApplication -ClientId $app.ClientId -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable missing
            $missing | Should -HaveCount 1
        }
    }

    It 'removes nothing with -WhatIf, and says what it would remove' {
        $app = New-GraphMailApplication -DisplayName ('WhatIf ' + [guid]::NewGuid()) -ClientSecret

        # In a runspace of its own, whose host keeps the "What if:" lines (the test session's host would print them).
        $run = Invoke-WithRecordingHost -Variables @{ App = $app; ReadyLine = $Sandbox.ReadyLine } -ScriptBlock {
            Connect-GraphMailAdmin -TenantId contoso.com -Sandbox $ReadyLine -WarningAction SilentlyContinue
            $App | Remove-GraphMailApplication -WhatIf
        }

        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -BeNullOrEmpty
        $run.HostLines | Should -Be @("What if: Performing the operation ""Remove the app registration and its service principal"" on target ""app '$($app.DisplayName)' (client ID $($app.ClientId)) in tenant contoso.com"".")

        (New-GraphMailApplication -DisplayName $app.DisplayName -ClientSecret).Steps[0].Status | Should -Be 'Found'
    }

    It 'names the app it cannot find, with -ErrorVariable' {
        Remove-GraphMailApplication -DisplayName 'No such app' -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'ApplicationNotFound,GraphMail.Commands.RemoveGraphMailApplicationCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be 'No such app'
        $failed[0].Exception.Message | Should -BeLike "No app registration with the name 'No such app' was found in this tenant.*"
    }
}
