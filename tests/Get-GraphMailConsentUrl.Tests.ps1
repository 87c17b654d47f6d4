BeforeDiscovery {
    # -Open is only tested where it cannot start a real browser: Linux without a display.
    $script:NoDisplay = ($PSVersionTable.PSEdition -eq 'Core') -and $IsLinux -and -not $env:DISPLAY -and -not $env:WAYLAND_DISPLAY
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:ClientId = '51c27551-41e7-4952-a996-08bd0bfb1752'
    $script:ContosoId = '30d943bf-6a43-47b0-a36a-66a1a07848ca'
}

Describe 'Get-GraphMailConsentUrl' {
    Context 'Offline' {
        It 'writes the v1 link of the vendor guide, plus the state' {
            $link = Get-GraphMailConsentUrl -ClientId $ClientId -Tenant contoso.com -State s1 -SkipTenantLookup

            $link | Should -BeOfType ([GraphMail.ConsentLink])
            $link.Url | Should -BeExactly "https://login.microsoftonline.com/contoso.com/adminconsent?client_id=$ClientId&state=s1"
            "$link" | Should -BeExactly $link.Url
        }

        It 'writes the v2 link for the US Government cloud' {
            $link = Get-GraphMailConsentUrl $ClientId contoso.us -Environment USGov -Form V2 -RedirectUri 'https://vendor.example/consent' -State s1 -SkipTenantLookup

            $link.Url | Should -BeExactly "https://login.microsoftonline.us/contoso.us/v2.0/adminconsent?client_id=$ClientId&scope=https%3A%2F%2Fgraph.microsoft.us%2F.default&redirect_uri=https%3A%2F%2Fvendor.example%2Fconsent&state=s1"
        }

        It 'makes a random URL-safe state when none is given' {
            $link = Get-GraphMailConsentUrl -ClientId $ClientId -Tenant contoso.com -SkipTenantLookup

            $link.State | Should -Match '^[A-Za-z0-9_-]{43}$'
        }

        It 'binds the tenant from piped rows and writes one error per bad row' {
            $rows = @(
                [pscustomobject]@{ Domain = 'contoso.com' }
                [pscustomobject]@{ Domain = 'not a domain' }
                [pscustomobject]@{ Domain = 'fabrikam.com' }
            )

            $links = $rows | Get-GraphMailConsentUrl -ClientId $ClientId -SkipTenantLookup -ErrorVariable failures -ErrorAction SilentlyContinue

            $links.TenantDomain | Should -Be @('contoso.com', 'fabrikam.com')
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidConsentTenant,*'
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $failures[0].TargetObject | Should -Be 'not a domain'
            $failures[0].Exception.Message | Should -BeLike "Tenant 'not a domain' cannot be used:*"
        }

        It 'refuses common with the v2 form' {
            Get-GraphMailConsentUrl -ClientId $ClientId -Tenant common -Form V2 -RedirectUri 'https://vendor.example/consent' -ErrorVariable failures -ErrorAction SilentlyContinue

            $failures[0].FullyQualifiedErrorId | Should -BeLike 'ConsentTenantNotAllowedInForm,*'
        }

        It 'names a client ID that is not a GUID' {
            Get-GraphMailConsentUrl -ClientId 'my-app' -Tenant contoso.com -SkipTenantLookup -ErrorVariable failures -ErrorAction SilentlyContinue

            $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidConsentClientId,*'
            $failures[0].Exception.Message | Should -BeLike "ClientId 'my-app' is not an application (client) ID*"
            $failures[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        }

        It 'warns with the link and still writes the object when no browser can be opened' -Skip:(-not $NoDisplay) {
            $link = Get-GraphMailConsentUrl -ClientId $ClientId -Tenant contoso.com -SkipTenantLookup -Open -WarningVariable warnings -WarningAction SilentlyContinue

            $link | Should -Not -BeNullOrEmpty
            $warnings[0].Message | Should -BeLike "No browser was opened: there is no graphical display here*$($link.Url)"
        }
    }

    Context 'Managed identity' {
        It 'writes the Microsoft Graph PowerShell commands instead of a link' {
            $grant = Get-GraphMailConsentUrl -ManagedIdentity 'aaaabbbb-0000-cccc-1111-dddd2222eeee' -Environment China

            $grant | Should -BeOfType ([GraphMail.ManagedIdentityConsentScript])
            $grant.AppRoleId | Should -Be 'b633e1c5-b582-4048-a93e-9f11b44c7e96'
            $grant.Script | Should -BeLike "*Connect-MgGraph -Environment China -Scopes 'AppRoleAssignment.ReadWrite.All', 'Application.Read.All'*"
            $grant.Script | Should -BeLike "*Get-MgServicePrincipal -Filter `"appId eq 'aaaabbbb-0000-cccc-1111-dddd2222eeee'`"*"
            $grant.Script | Should -BeLike "*Get-MgServicePrincipal -ServicePrincipalId 'aaaabbbb-0000-cccc-1111-dddd2222eeee'*"
        }

        It 'keeps a hostile display name inside one literal that parses back to the name' {
            $name = "x'; Remove-Item C:\ -Recurse; '`$(whoami)"
            $grant = Get-GraphMailConsentUrl -ManagedIdentity $name

            $tokens = $null
            $parseErrors = $null
            $ast = [System.Management.Automation.Language.Parser]::ParseInput($grant.Script, [ref] $tokens, [ref] $parseErrors)
            $parseErrors | Should -BeNullOrEmpty
            $assignment = $ast.Find({
                    param($node)
                    $node -is [System.Management.Automation.Language.AssignmentStatementAst] -and $node.Left.Extent.Text -eq '$identityName'
                }, $true)
            $assignment.Right.Expression.Value | Should -BeExactly $name
            @($ast.FindAll({
                        param($node)
                        $node -is [System.Management.Automation.Language.CommandAst] -and $node.GetCommandName() -eq 'Remove-Item'
                    }, $true)).Count | Should -Be 0
        }
    }

    Context 'Against the sandbox' {
        BeforeAll {
            $script:Sandbox = Start-TestSandbox
        }

        AfterAll {
            Stop-TestSandbox -Sandbox $Sandbox
        }

        It 'resolves the domain to the seeded tenant ID and points the link at the sandbox' {
            $link = Get-GraphMailConsentUrl -ClientId $ClientId -Tenant contoso.com -Sandbox $Sandbox.ReadyLine -State s1

            $link.TenantId | Should -Be $ContosoId
            $link.TenantDomain | Should -Be 'contoso.com'
            $link.Url | Should -BeExactly "$($Sandbox.Endpoint.authority.TrimEnd('/'))/contoso.com/adminconsent?client_id=$ClientId&state=s1"
        }

        It 'takes the connection file as well as the ready line' {
            (Get-GraphMailConsentUrl -ClientId $ClientId -Tenant $ContosoId -Sandbox $Sandbox.ConnectionFile).TenantId | Should -Be $ContosoId
        }

        It 'says an unknown domain was not found' {
            Get-GraphMailConsentUrl -ClientId $ClientId -Tenant nosuch.example -Sandbox $Sandbox.ReadyLine -ErrorVariable failures -ErrorAction SilentlyContinue

            $failures[0].FullyQualifiedErrorId | Should -BeLike 'ConsentTenantNotFound,*'
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].Exception.Message | Should -BeLike "Tenant 'nosuch.example' was not found in the GraphMail.Sandbox at *; check the spelling or the cloud.*"
        }
    }
}
