@{
    # The binary module itself: a script module in front of it cost about half the import (docs/performance.md).
    # $PSEdition is one of the few variables a manifest may read, in Windows PowerShell 5.1 too.
    RootModule           = if ($PSEdition -eq 'Core') { 'bin/net8.0/GraphMail.dll' } else { 'bin/net472/GraphMail.dll' }
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0e6c1a-7f0d-4c55-9a8e-2d6f3c1b9e47'
    Author               = 'GraphMail contributors'
    CompanyName          = 'GraphMail contributors'
    Copyright            = '(c) GraphMail contributors. MIT License.'
    Description          = 'Send mail through Microsoft Graph with an app-only identity: a drop-in for Send-MailMessage, admin-consent links, and a setup test that says which layer is wrong.'
    # PowerShell 7 before 7.4 runs on a .NET older than the net8.0 build needs.
    PowerShellVersion    = if ($PSEdition -eq 'Core') { '7.4' } else { '5.1' }
    CompatiblePSEditions = @('Core', 'Desktop')
    FormatsToProcess     = @('GraphMail.Format.ps1xml')
    CmdletsToExport      = @('Add-GraphMailSandboxFault', 'Clear-GraphMailSandboxFault', 'Clear-GraphMailSandboxMessage', 'Connect-GraphMail', 'Connect-GraphMailAdmin', 'ConvertFrom-GraphMailConsentResponse', 'Disconnect-GraphMail', 'Disconnect-GraphMailAdmin', 'Get-GraphMailConnection', 'Get-GraphMailConsentUrl', 'Get-GraphMailSandboxMessage', 'New-GraphMailApplication', 'New-GraphMailMailboxScope', 'Remove-GraphMailApplication', 'Send-GraphMail', 'Start-GraphMailSandbox', 'Stop-GraphMailSandbox', 'Test-GraphMailSetup')
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Graph', 'MicrosoftGraph', 'Mail', 'Email', 'SendMail', 'Send-MailMessage', 'Exchange', 'ExchangeOnline', 'Microsoft365', 'SMTP', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/graphmail/GraphMail'
            LicenseUri   = 'https://github.com/graphmail/GraphMail/blob/main/LICENSE'
            ReleaseNotes = 'https://github.com/graphmail/GraphMail/blob/main/CHANGELOG.md'
        }
    }
}
