@{
    RootModule        = 'GraphMail.Bench.MinimalModule.dll'
    ModuleVersion     = '1.0.0'
    GUID              = '0b9a3f52-6e1d-4c1b-9d55-2a7c81f0e3d4'
    Description       = 'The import benchmark''s yardstick: one binary cmdlet.'
    CmdletsToExport   = @('Send-MinimalMail')
    FunctionsToExport = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
