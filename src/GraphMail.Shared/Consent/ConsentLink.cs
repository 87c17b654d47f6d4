using System.Collections.Generic;

namespace GraphMail;

/// <summary>
/// An admin-consent link and the tenant details a vendor asks for once the admin has accepted: the tenant's domain,
/// its ID, the app's client ID and the cloud.
/// </summary>
public sealed class ConsentLink
{
    public ConsentLink(
        string url,
        ConsentUrlForm form,
        GraphMailEnvironment environment,
        string clientId,
        string tenantDomain,
        string tenantId,
        string redirectUri,
        string state,
        string tenantRegion,
        string cloudInstance,
        IReadOnlyList<string> notes)
    {
        Url = url;
        Form = form;
        Environment = environment;
        ClientId = clientId;
        TenantDomain = tenantDomain;
        TenantId = tenantId;
        RedirectUri = redirectUri;
        State = state;
        TenantRegion = tenantRegion;
        CloudInstance = cloudInstance;
        Notes = notes;
    }

    /// <summary>The tenant's domain as used in the link; empty when the link names the tenant by ID or keyword.</summary>
    public string TenantDomain { get; }

    /// <summary>The tenant ID (GUID) from the cloud's OpenID configuration, or as given; empty when unknown.</summary>
    public string TenantId { get; }

    /// <summary>The application (client) ID the admin consents to.</summary>
    public string ClientId { get; }

    public GraphMailEnvironment Environment { get; }

    public ConsentUrlForm Form { get; }

    /// <summary>The link to open in a browser where an administrator of the tenant signs in.</summary>
    public string Url { get; }

    /// <summary>Where Entra ID sends the browser after the admin answers; empty when the link names none.</summary>
    public string RedirectUri { get; }

    /// <summary>The value the answer must carry back; pass it to ConvertFrom-GraphMailConsentResponse -ExpectedState.</summary>
    public string State { get; }

    /// <summary>tenant_region_scope from the OpenID configuration (for example WW, NA, EU); empty when not looked up.</summary>
    public string TenantRegion { get; }

    /// <summary>cloud_instance_name from the OpenID configuration (for example microsoftonline.com); empty when not looked up.</summary>
    public string CloudInstance { get; }

    /// <summary>What to know before sending the link: skipped lookups, where the browser lands, sandbox use.</summary>
    public IReadOnlyList<string> Notes { get; }

    public override string ToString() => Url;
}
