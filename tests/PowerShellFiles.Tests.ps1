#Requires -Modules Pester
# Every PowerShell file the repository ships or runs parses with PowerShell's own parser.

BeforeDiscovery {
    $root = Split-Path -Parent $PSScriptRoot
    $skip = [regex]'[\\/](out|bin|obj|node_modules|\.git)[\\/]'
    $script:Files = Get-ChildItem -LiteralPath $root -Recurse -File -Include '*.ps1', '*.psm1', '*.psd1' |
        Where-Object { -not $skip.IsMatch($_.FullName) } |
        ForEach-Object { @{ Path = $_.FullName; Name = [System.IO.Path]::GetRelativePath($root, $_.FullName) } }
}

Describe 'PowerShell files' {
    It 'finds the files to check' {
        $Files.Count | Should -BeGreaterThan 10
    }

    It '<Name> parses without errors' -ForEach $Files {
        $tokens = $null
        $errors = $null
        [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors) | Out-Null
        $errors | ForEach-Object { "$($_.Extent.StartLineNumber): $($_.Message)" } | Should -BeNullOrEmpty
    }
}
