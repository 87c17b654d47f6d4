# Dot-sourced by the directory cmdlets' Pester files: a seed file that is the shipped default seed with the sandbox's
# Global Administrator approving every device-code sign-in at once and no replication delay.
function New-AdminSandboxSeed {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Directory,

        [string] $Approver = 'admin@contoso.com'
    )

    $seed = Get-Content -LiteralPath (Join-Path (Split-Path -Parent $ModuleManifest) 'sandbox' 'Seed' 'default.json') -Raw | ConvertFrom-Json
    $seed.limits | Add-Member -NotePropertyName deviceCodeApprover -NotePropertyValue $Approver -Force
    $seed.limits | Add-Member -NotePropertyName replicationDelaySeconds -NotePropertyValue 0 -Force
    $path = Join-Path $Directory ('seed-' + [guid]::NewGuid().ToString('N') + '.json')
    $seed | ConvertTo-Json -Depth 20 | Set-Content -LiteralPath $path
    $path
}
