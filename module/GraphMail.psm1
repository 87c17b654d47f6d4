# GraphMail's root module: picks the build for this PowerShell and imports it. The binary module's
# IModuleAssemblyInitializer then sends MSAL and Microsoft.Graph to GraphMail's own load context (PowerShell 7).

if ($PSVersionTable.PSEdition -eq 'Core' -and $PSVersionTable.PSVersion -lt [version]'7.4') {
    throw "GraphMail needs PowerShell 7.4 or later (or Windows PowerShell 5.1); this is PowerShell $($PSVersionTable.PSVersion). Install the current PowerShell from https://aka.ms/powershell."
}

$framework = if ($PSVersionTable.PSEdition -eq 'Core') { 'net8.0' } else { 'net472' }
$assemblyPath = [System.IO.Path]::Combine($PSScriptRoot, 'bin', $framework, 'GraphMail.dll')
$binaryModule = Import-Module -Name $assemblyPath -PassThru -ErrorAction Stop

Export-ModuleMember -Cmdlet @($binaryModule.ExportedCmdlets.Keys)
