#Requires -Modules Pester
# Start-GraphMailSandbox: the sandbox shipped in the module, started as a child of this PowerShell, tied to its life.

BeforeDiscovery {
    # Send-GraphMail comes from another part of the module; the example test runs where it is built in.
    $script:HasSendGraphMail = (& ([System.IO.Path]::Combine((Split-Path -Parent $PSScriptRoot), 'tools', 'Read-ModuleManifest.ps1')) (Join-Path (Split-Path -Parent $PSScriptRoot) 'GraphMail.psd1')).CmdletsToExport -contains 'Send-GraphMail'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    $script:SenderApp = '51c27551-41e7-4952-a996-08bd0bfb1752'
    $script:SenderSecret = ConvertTo-SecureString 'Sbx8Q~GraphMailSender.Secret-0001' -AsPlainText -Force
    $script:CmdletId = 'GraphMail.Commands.StartGraphMailSandboxCommand'
    $script:DefaultSeed = [System.IO.Path]::Combine((Split-Path -Parent $ModuleManifest), 'sandbox', 'Seed', 'default.json')
}

AfterAll {
    Disconnect-GraphMail -WarningAction SilentlyContinue
}

Describe 'Start-GraphMailSandbox' {
    AfterEach {
        if ($script:Sandbox) {
            Stop-GraphMailSandbox -Sandbox $Sandbox
            $script:Sandbox = $null
        }
    }

    It 'returns a running sandbox on loopback whose string form is its ready line' {
        $script:Sandbox = Start-GraphMailSandbox

        $Sandbox.GetType().FullName | Should -Be 'GraphMail.SandboxInstance'
        $Sandbox.AuthorityUri.Host | Should -Be '127.0.0.1'
        $Sandbox.GraphUri.ToString() | Should -Be "$($Sandbox.AuthorityUri)v1.0"
        $Sandbox.ControlUri.ToString() | Should -Be "$($Sandbox.AuthorityUri)_sandbox"
        (Get-Process -Id $Sandbox.ProcessId).HasExited | Should -BeFalse
        (Get-Content -LiteralPath $Sandbox.ConnectionFile -Raw).Trim() | Should -Be $Sandbox.ReadyLine
        "$Sandbox" | Should -Be $Sandbox.ReadyLine
        ($Sandbox.ReadyLine | ConvertFrom-Json).sandbox | Should -Be 'GraphMail.Sandbox'
    }

    It 'binds to Connect-GraphMail -Sandbox as it is' {
        $script:Sandbox = Start-GraphMailSandbox

        $info = Connect-GraphMail -Sandbox $Sandbox -TenantId contoso.com -ClientId $SenderApp -ClientSecret $SenderSecret -PassThru

        $info.IsSandbox | Should -BeTrue
        $info.GraphEndpoint | Should -Be $Sandbox.GraphUri
    }

    It 'becomes the current sandbox the other cmdlets use' {
        $script:Sandbox = Start-GraphMailSandbox
        Send-SandboxTestMail -Sandbox $Sandbox -Message (New-SandboxTestMessage -Subject 'current') | Out-Null

        (Get-GraphMailSandboxMessage).Subject | Should -Be 'current'
    }

    It 'listens on the port it is given' {
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start()
        $port = $probe.LocalEndpoint.Port
        $probe.Stop()

        $script:Sandbox = Start-GraphMailSandbox -Port $port

        $Sandbox.AuthorityUri.Port | Should -Be $port
    }

    It 'takes a seed path relative to the current location' {
        $folder = Join-Path ([System.IO.Path]::GetTempPath()) ("graphmail-seed-" + [guid]::NewGuid())
        New-Item -ItemType Directory -Path $folder | Out-Null
        (Get-Content -LiteralPath $DefaultSeed -Raw).Replace('"Contoso"', '"Pester Contoso"') | Set-Content -LiteralPath (Join-Path $folder 'seed.json')
        Push-Location $folder
        try {
            $script:Sandbox = Start-GraphMailSandbox -SeedPath ./seed.json
        }
        finally {
            Pop-Location
            Remove-Item -LiteralPath $folder -Recurse -Force
        }

        (Invoke-SandboxControl -Sandbox $Sandbox -Path 'seed').tenants[0].displayName | Should -Be 'Pester Contoso'
    }

    It 'fails with SandboxStartFailed and the sandbox''s reason for a seed it cannot use' {
        $seed = Join-Path ([System.IO.Path]::GetTempPath()) ("graphmail-bad-seed-" + [guid]::NewGuid() + '.json')
        Set-Content -LiteralPath $seed -Value 'this is not JSON'
        try {
            $err = { Start-GraphMailSandbox -SeedPath $seed } | Should -Throw -PassThru  # a terminating error: -ErrorVariable would hold the CmdletInvocationException, not the record
        }
        finally {
            Remove-Item -LiteralPath $seed
        }

        $err.FullyQualifiedErrorId | Should -Be "SandboxStartFailed,$CmdletId"
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -BeLike 'GraphMail.Sandbox could not start: *'
        $err.TargetObject | Should -Be $seed
    }

    It 'says to install the ASP.NET Core Runtime, naming the dotnet it used, when that dotnet has only .NET' -Skip:($IsWindows -or $PSEdition -eq 'Desktop') {
        # A dotnet root with the host and Microsoft.NETCore.App only (links to the installed one's), as on a machine with
        # just the .NET Runtime: the sandbox's host fails with "framework not found".
        $dotnet = Get-Command dotnet -CommandType Application -ErrorAction Ignore | Select-Object -First 1
        $root = if ($dotnet) { Split-Path -Parent ((Get-Item -LiteralPath $dotnet.Source).ResolvedTarget) }
        if (-not $root -or -not (Test-Path -LiteralPath (Join-Path $root 'shared' 'Microsoft.NETCore.App'))) {
            Set-ItResult -Skipped -Because 'no dotnet with a shared Microsoft.NETCore.App on PATH'
            return
        }

        $bare = Join-Path ([System.IO.Path]::GetTempPath()) ('graphmail-bare-dotnet-' + [guid]::NewGuid())
        $null = New-Item -ItemType Directory (Join-Path $bare 'shared')
        Copy-Item -LiteralPath (Join-Path $root 'dotnet') -Destination $bare
        $null = New-Item -ItemType SymbolicLink -Path (Join-Path $bare 'host') -Target (Join-Path $root 'host')
        $null = New-Item -ItemType SymbolicLink -Path (Join-Path $bare 'shared' 'Microsoft.NETCore.App') -Target (Join-Path $root 'shared' 'Microsoft.NETCore.App')
        $hostPath = $env:DOTNET_HOST_PATH
        $env:DOTNET_HOST_PATH = Join-Path $bare 'dotnet'
        try {
            $err = { Start-GraphMailSandbox } | Should -Throw -PassThru
        }
        finally {
            $env:DOTNET_HOST_PATH = $hostPath
            Remove-Item -LiteralPath $bare -Recurse -Force
        }

        $err.FullyQualifiedErrorId | Should -Be "SandboxAspNetCoreMissing,$CmdletId"
        $err.Exception.Message | Should -BeLike '*needs the ASP.NET Core Runtime 8.0 or later*'
        $err.Exception.Message | Should -BeLike '*https://dotnet.microsoft.com/download/dotnet/8.0*'
        $err.TargetObject | Should -Be (Join-Path $bare 'dotnet')
    }

    It 'refuses a port outside 0..65535 before starting anything' {
        { Start-GraphMailSandbox -Port 65536 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,GraphMail.Commands.StartGraphMailSandboxCommand'
    }

    It 'stops by itself when the PowerShell process that started it exits' {
        # This PowerShell's own executable: under `dotnet pwsh` the process is dotnet, so not (Get-Process -Id $PID).Path.
        $powershell = if ($PSVersionTable.PSEdition -eq 'Desktop') { Join-Path $PSHOME 'powershell.exe' } elseif ($IsWindows) { Join-Path $PSHOME 'pwsh.exe' } else { Join-Path $PSHOME 'pwsh' }
        $command = "Import-Module '$ModuleManifest'; (Start-GraphMailSandbox).ProcessId"

        $output = & $powershell -NoLogo -NoProfile -NonInteractive -Command $command
        $LASTEXITCODE | Should -Be 0
        $sandboxId = [int]"$output".Trim()
        $sandboxId | Should -BeGreaterThan 0

        # Gone already, or exits on its own once it notices its parent did (the wait is a bound, not a pause).
        $process = Get-Process -Id $sandboxId -ErrorAction SilentlyContinue
        if ($process) {
            $process.WaitForExit(120000) | Should -BeTrue
        }
    }

    It 'shows the instance as a list without the long ready line' {
        $script:Sandbox = Start-GraphMailSandbox

        $text = $Sandbox | Out-String

        $text | Should -Match 'ProcessId\s+:\s+\d+'
        $text | Should -Match 'GraphUri\s+:\s+https://127\.0\.0\.1:\d+/v1\.0'
        $text | Should -Not -Match 'certificateSha256'
    }
}

Describe 'Start-GraphMailSandbox in a Pester suite, as its help shows' -Skip:(-not $HasSendGraphMail) {
    BeforeAll {
        $script:Sandbox = Start-GraphMailSandbox
        Connect-GraphMail -Sandbox $Sandbox -TenantId contoso.com -ClientId $SenderApp -ClientSecret $SenderSecret -DefaultFrom noreply@contoso.com
    }

    AfterAll {
        Disconnect-GraphMail -WarningAction SilentlyContinue
        Stop-GraphMailSandbox
        $script:Sandbox = $null
    }

    It 'records what Send-GraphMail sent' {
        $report = Join-Path ([System.IO.Path]::GetTempPath()) ("report-" + [guid]::NewGuid() + '.csv')
        Set-Content -LiteralPath $report -Value "quarter,total`nQ3,42"
        try {
            Send-GraphMail -To ops@contoso.com -Subject 'Daily report' -Body 'Attached.' -Attachments $report

            $message = Get-GraphMailSandboxMessage
            $message | Should -HaveCount 1
            $message.Mailbox | Should -Be 'noreply@contoso.com'
            $message.To.Address | Should -Be 'ops@contoso.com'
            $message.Attachments.Sha256 | Should -Be (Get-FileHash -LiteralPath $report).Hash
        }
        finally {
            Remove-Item -LiteralPath $report
        }
    }
}
