namespace GraphMail.Engine.Consent;

/// <summary>What Get-GraphMailConsentUrl was asked for, unchecked: <see cref="ConsentLinkService"/> checks every part.</summary>
public sealed class ConsentLinkRequest
{
    public string? ClientId { get; set; }

    /// <summary>A domain, a tenant ID, 'organizations' or 'common'.</summary>
    public string? Tenant { get; set; }

    public GraphMailEnvironment Environment { get; set; } = GraphMailEnvironment.Global;

    public ConsentUrlForm Form { get; set; } = ConsentUrlForm.V1;

    public string? RedirectUri { get; set; }

    /// <summary>Null for a random state.</summary>
    public string? State { get; set; }

    public bool SkipTenantLookup { get; set; }

    /// <summary>A GraphMail.Sandbox ready line or connection-file path; null for Microsoft's clouds.</summary>
    public string? Sandbox { get; set; }

    public bool OpenInBrowser { get; set; }
}
