#Requires -Modules Pester
# tools/Package.ps1 (./build.ps1 -Task Package): the .nupkg of the built module installs with Install-PSResource from a
# local folder repository into an empty module path in a child pwsh, imports by name and runs a command.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:Output = Join-Path ([System.IO.Path]::GetTempPath()) ('graphmail-packages-' + [guid]::NewGuid().ToString('N'))
}

AfterAll {
    Remove-Item -LiteralPath $Output -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'tools/Package.ps1' -Skip:($PSVersionTable.PSEdition -eq 'Desktop') {
    It 'writes the package, then installs and imports it by name in a clean PowerShell' {
        $pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
        $exported = (& (Join-Path $RepositoryRoot 'tools' 'Read-ModuleManifest.ps1') $ModuleManifest).CmdletsToExport.Count
        $text = & $pwsh -NoLogo -NoProfile -NonInteractive -File (Join-Path $RepositoryRoot 'tools' 'Package.ps1') -ModuleDirectory (Split-Path -Parent $ModuleManifest) -OutputDirectory $Output 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($text -join "`n")

        Join-Path $Output "GraphMail.$ModuleVersion.nupkg" | Should -Exist
        $installed = @($text | Where-Object { "$_" -like 'Installed GraphMail *' })
        $installed | Should -HaveCount 1
        "$installed" | Should -Match "^Installed GraphMail $([regex]::Escape($ModuleVersion)) from the package at .*graphmail-package-.*; $exported commands; Get-GraphMailConsentUrl gave https://login\.microsoftonline\.com/"
    }
}
