namespace GraphMail.Module.Tests.Infrastructure;

/// <summary>
/// ExchangeOnlineManagement as GraphMail meets it in a session, faked with functions: Get-ConnectionInformation says it
/// is connected, the Get- lookups find nothing, and every other command records its name and parameters in
/// $global:ExchangeCalls instead of touching a tenant.
/// </summary>
public static class FakeExchangeOnline
{
    public const string Script = """
        $global:ExchangeCalls = [System.Collections.Generic.List[string]]::new()
        function global:Get-ConnectionInformation { [pscustomobject]@{ State = 'Connected'; IsEopSession = $false; TenantID = '30d943bf-6a43-47b0-a36a-66a1a07848ca'; ModulePrefix = '' } }
        foreach ($name in 'Get-ServicePrincipal', 'Get-ManagementScope', 'Get-ManagementRoleAssignment', 'Get-DistributionGroup', 'Get-DistributionGroupMember', 'Get-ApplicationAccessPolicy', 'Test-ServicePrincipalAuthorization') {
            Set-Item -Path "function:global:$name" -Value { param() }
        }
        foreach ($name in 'New-ServicePrincipal', 'New-ManagementScope', 'Set-ManagementScope', 'New-ManagementRoleAssignment', 'New-DistributionGroup', 'Add-DistributionGroupMember', 'New-ApplicationAccessPolicy') {
            Set-Item -Path "function:global:$name" -Value ([scriptblock]::Create("`$global:ExchangeCalls.Add('$name ' + ((`$args | ForEach-Object { `"`$_`" }) -join ' '))"))
        }
        function global:Test-ApplicationAccessPolicy { [pscustomobject]@{ AccessCheckResult = 'Granted' } }

        """;
}
