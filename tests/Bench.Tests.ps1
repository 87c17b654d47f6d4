#Requires -Modules Pester
# The benchmark scripts (bench/scripts, run by bench/GraphMail.Bench) still do their job against the built module: each
# sends what it is given exactly once, as the sandbox records it. Only correctness is asserted here, never speed.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:Sandbox = Start-TestSandbox
    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) ('graphmail-bench-tests-' + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $Work | Out-Null
    $script:ConnectionFile = Join-Path $Work 'sandbox.json'
    Set-Content -LiteralPath $ConnectionFile -Value $Sandbox.ReadyLine
    $script:Pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
    $script:Scripts = Join-Path $RepositoryRoot 'bench' 'scripts'

    function Invoke-BenchScript([string] $Name, [string[]] $Arguments) {
        $output = & $Pwsh -NoLogo -NoProfile -NonInteractive -File (Join-Path $Scripts $Name) @Arguments 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        $output
    }

    function New-BenchCsv([string] $Label, [int] $Count) {
        $path = Join-Path $Work "$Label.csv"
        1..$Count | ForEach-Object { [pscustomobject]@{ To = "user$_@fabrikam.com"; From = 'noreply@contoso.com'; Subject = "$Label $_"; Body = 'bench test' } } |
            Export-Csv -LiteralPath $path -NoTypeInformation
        $path
    }

    function Get-RecordedCount([string] $Subject) {
        @(Get-GraphMailSandboxMessage -Sandbox $Sandbox | Where-Object Subject -EQ $Subject).Count
    }
}

AfterAll {
    Stop-TestSandbox $Sandbox
    Remove-Item -LiteralPath $Work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'bench/scripts' -Skip:($PSVersionTable.PSEdition -eq 'Desktop') {
    It '<Script> sends every CSV row once and reports it Sent' -ForEach @(
        @{ Script = 'Bulk-GraphMail.ps1'; NeedsModule = $true }
        @{ Script = 'Bulk-InvokeRestMethod.ps1'; NeedsModule = $false }
        @{ Script = 'Bulk-ForEachParallel.ps1'; NeedsModule = $false }
    ) {
        $label = [System.IO.Path]::GetFileNameWithoutExtension($Script)
        $csv = New-BenchCsv $label 5
        $warmUp = New-BenchCsv "$label warm-up" 2
        $out = Join-Path $Work "$label.json"
        $arguments = @($ConnectionFile, '51c27551-41e7-4952-a996-08bd0bfb1752', 'Sbx8Q~GraphMailSender.Secret-0001', $csv, $warmUp, $out)
        if ($NeedsModule) { $arguments = @($ModuleManifest) + $arguments }

        Invoke-BenchScript $Script $arguments | Out-Null

        $report = Get-Content -Raw -LiteralPath $out | ConvertFrom-Json
        $report.elapsedMs | Should -BeGreaterThan 0
        @($report.results).Count | Should -Be 5
        @($report.results | Where-Object status -EQ 'Sent').Count | Should -Be 5
        1..5 | ForEach-Object { Get-RecordedCount "$label $_" } | Should -Be @(1, 1, 1, 1, 1)
    }

    It '<Script> sends its one message once' -ForEach @(
        @{ Script = 'Cold-GraphMail.ps1'; NeedsModule = $true }
        @{ Script = 'Cold-InvokeRestMethod.ps1'; NeedsModule = $false }
    ) {
        $subject = "cold $Script $([guid]::NewGuid())"
        $arguments = @($ConnectionFile, $subject)
        if ($NeedsModule) { $arguments = @($ModuleManifest) + $arguments }

        Invoke-BenchScript $Script $arguments | Out-Null

        Get-RecordedCount $subject | Should -Be 1
    }

    It 'Import-Timed.ps1 imports the module and prints the milliseconds it took' {
        $text = Invoke-BenchScript 'Import-Timed.ps1' @($ModuleManifest)

        [double]::Parse("$text", [cultureinfo]::InvariantCulture) | Should -BeGreaterThan 0
    }
}
