BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:ClientId = '51c27551-41e7-4952-a996-08bd0bfb1752'
    $script:ContosoId = '30d943bf-6a43-47b0-a36a-66a1a07848ca'
    $script:Landing = 'https://vendor.example/consent'
}

Describe 'ConvertFrom-GraphMailConsentResponse' {
    It 'reads a grant whose state matches' {
        $answer = ConvertFrom-GraphMailConsentResponse "$($Landing)?admin_consent=True&tenant=$ContosoId&state=s1" -ExpectedState s1

        $answer | Should -BeOfType ([GraphMail.ConsentResponse])
        $answer.Granted | Should -BeTrue
        $answer.Outcome | Should -Be 'Granted'
        $answer.ReportedTenantId | Should -Be $ContosoId
        @($answer.Notes -like 'ReportedTenantId is only what the address says*').Count | Should -Be 1
    }

    It 'takes the address from the pipeline and the state and tenant from the link' {
        $link = Get-GraphMailConsentUrl -ClientId $ClientId -Tenant $ContosoId -RedirectUri $Landing -SkipTenantLookup

        $answer = "$($Landing)?admin_consent=True&tenant=$ContosoId&state=$($link.State)" | ConvertFrom-GraphMailConsentResponse -ConsentLink $link

        $answer.Granted | Should -BeTrue
        $answer.StateMatches | Should -BeTrue
    }

    It 'says a domain-only link (-SkipTenantLookup) cannot tell the answer''s tenant apart' {
        $link = Get-GraphMailConsentUrl -ClientId $ClientId -Tenant contoso.com -RedirectUri $Landing -SkipTenantLookup
        $other = '8ff4fa5b-3567-416c-abff-c037a09fea0b'

        $answer = ConvertFrom-GraphMailConsentResponse "$($Landing)?admin_consent=True&tenant=$other&state=$($link.State)" -ConsentLink $link

        $answer.Outcome | Should -Be 'Granted' -Because 'nothing says the tenant differs'
        $answer.Notes | Should -Contain "The link names tenant contoso.com without its ID (made with -SkipTenantLookup), so the answer's tenant $other could not be compared with it: make the link without -SkipTenantLookup, or check that contoso.com is tenant $other."
    }

    It 'flags a state mismatch and does not call it granted' {
        $answer = ConvertFrom-GraphMailConsentResponse "$($Landing)?admin_consent=True&tenant=$ContosoId&state=forged" -ExpectedState s1

        $answer.Granted | Should -BeFalse
        $answer.Outcome | Should -Be 'StateMismatch'
    }

    It 'explains a cancelled consent screen' {
        $answer = ConvertFrom-GraphMailConsentResponse "$($Landing)?error=permission_denied&error_description=The+admin+canceled+the+request&state=s1" -ExpectedState s1

        $answer.Outcome | Should -Be 'Declined'
        $answer.Cause | Should -Be 'The admin cancelled the consent screen.'
    }

    It 'explains a redirect URI mismatch from its AADSTS code' {
        $answer = ConvertFrom-GraphMailConsentResponse ($Landing + '#error=invalid_request&error_description=AADSTS50011%3a+The+redirect+URI+does+not+match.&state=s1') -ExpectedState s1

        $answer.Outcome | Should -Be 'Failed'
        $answer.ErrorCode | Should -Be 'AADSTS50011'
        $answer.Fix | Should -BeLike '*-RedirectUri*'
    }

    It 'writes an error naming an address that holds no answer' {
        ConvertFrom-GraphMailConsentResponse -Uri "$($Landing)?code=abc" -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidConsentResponse,*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].TargetObject | Should -Be "$($Landing)?code=abc"
    }
}
