#Requires -Modules Pester
# Add-GraphMailSandboxFault: faults the sandbox applies to the next requests of a route, or to a ratio of them.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    $script:Sandbox = Start-TestSandbox
    $script:CmdletId = 'GraphMail.Commands.AddGraphMailSandboxFaultCommand'
}

AfterAll {
    Stop-TestSandbox -Sandbox $Sandbox
}

Describe 'Add-GraphMailSandboxFault' {
    BeforeEach {
        Clear-GraphMailSandboxFault
        Clear-GraphMailSandboxMessage
    }

    It 'throttles the next send with its Retry-After, then lets sends through' {
        Add-GraphMailSandboxFault -Route sendMail -Kind throttle -RetryAfterSeconds 7

        $first = Send-SandboxTestMail -Sandbox $Sandbox -Message (New-SandboxTestMessage)
        $second = Send-SandboxTestMail -Sandbox $Sandbox -Message (New-SandboxTestMessage)

        $first.StatusCode | Should -Be 429
        $first.RetryAfterSeconds | Should -Be 7
        $second.StatusCode | Should -Be 202
        Get-GraphMailSandboxMessage | Should -HaveCount 1
    }

    It 'records the message and still answers 504 for gatewayTimeoutAfterAccept, by position' {
        Add-GraphMailSandboxFault sendMail gatewayTimeoutAfterAccept

        (Send-SandboxTestMail -Sandbox $Sandbox -Message (New-SandboxTestMessage)).StatusCode | Should -Be 504
        Get-GraphMailSandboxMessage | Should -HaveCount 1
    }

    It 'passes -Count, -Ratio and -LatencyMilliseconds to the sandbox and takes any letter case' {
        Add-GraphMailSandboxFault -Route SENDMAIL -Kind Unavailable -Count 3
        Add-GraphMailSandboxFault -Route send -Kind latency -Ratio 0.5 -LatencyMs 25

        $faults = Invoke-SandboxControl -Sandbox $Sandbox -Path 'faults'

        $faults[0].route | Should -Be 'sendMail'
        $faults[0].kind | Should -Be 'unavailable'
        $faults[0].count | Should -Be 3
        $faults[1].ratio | Should -Be 0.5
        $faults[1].latencyMs | Should -Be 25
    }

    It 'offers the sandbox''s routes and kinds, and refuses others before calling it' {
        $parameters = (Get-Command Add-GraphMailSandboxFault).Parameters

        $parameters['Route'].Attributes.ValidValues | Should -Be ([GraphMail.SandboxFaultNames]::Routes)
        $parameters['Kind'].Attributes.ValidValues | Should -Be ([GraphMail.SandboxFaultNames]::Kinds)
        { Add-GraphMailSandboxFault -Route sendMial -Kind throttle } | Should -Throw -ErrorId "ParameterArgumentValidationError,$CmdletId"
    }

    It 'takes -Count or -Ratio, not both' {
        { Add-GraphMailSandboxFault -Route sendMail -Kind throttle -Count 2 -Ratio 0.5 } | Should -Throw -ErrorId "AmbiguousParameterSet,$CmdletId"
    }

    It 'writes InvalidSandboxFault for a ratio of 0' {
        Add-GraphMailSandboxFault -Route sendMail -Kind throttle -Ratio 0 -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors[0].FullyQualifiedErrorId | Should -Be "InvalidSandboxFault,$CmdletId"
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        Invoke-SandboxControl -Sandbox $Sandbox -Path 'faults' | Should -BeNullOrEmpty
    }

    It 'writes SandboxControlRefused with the sandbox''s words for a fault it refuses' {
        Add-GraphMailSandboxFault -Route token -Kind tokenExpired -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors[0].FullyQualifiedErrorId | Should -Be "SandboxControlRefused,$CmdletId"
        $errors[0].Exception.Message | Should -BeLike '*A tokenExpired fault applies to Graph routes that take a bearer token.*'
    }
}
