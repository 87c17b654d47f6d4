namespace GraphMail.Engine.Consent.Discovery;

/// <summary>What a tenant's OpenID configuration tells about it.</summary>
public sealed class TenantDetails
{
    public TenantDetails(string tenantId, string cloudInstanceName, string regionScope)
    {
        TenantId = tenantId;
        CloudInstanceName = cloudInstanceName;
        RegionScope = regionScope;
    }

    /// <summary>The tenant ID, a lowercase GUID.</summary>
    public string TenantId { get; }

    /// <summary>cloud_instance_name, such as microsoftonline.com; empty when the document has none.</summary>
    public string CloudInstanceName { get; }

    /// <summary>tenant_region_scope, such as WW, NA or EU; empty when the document has none.</summary>
    public string RegionScope { get; }
}
