namespace GraphMail.Engine.Connections;

/// <summary>Everything Connect-GraphMail was told. <see cref="Connector.ConnectAsync"/> validates it before any network call.</summary>
public sealed class ConnectionRequest
{
    /// <summary>The tenant's GUID or a verified domain. Optional for a managed identity (its token names the tenant).</summary>
    public string? TenantId { get; set; }

    /// <summary>The app's Application (client) ID. Not used for a managed identity.</summary>
    public string? ClientId { get; set; }

    public AppCredential? Credential { get; set; }

    public GraphMailEnvironment Environment { get; set; } = GraphMailEnvironment.Global;

    /// <summary>A GraphMail.Sandbox to use instead of Microsoft's hosts.</summary>
    public SandboxEndpoint? Sandbox { get; set; }

    /// <summary>The sender Send-GraphMail uses when -From is omitted.</summary>
    public string? DefaultFrom { get; set; }

    /// <summary>A one-line description for verbose output: names, never secrets.</summary>
    public override string ToString() =>
        $"Connecting to tenant {TenantId ?? "(from the token)"} as {(Credential is ManagedIdentityCredential ? "managed identity" : "app " + (ClientId ?? "(none)"))} " +
        $"with {Credential?.ToString() ?? "no credential"} in {(Sandbox is null ? Environment + " cloud" : "GraphMail.Sandbox at " + Sandbox.AuthorityBaseUri.Authority)}";
}
