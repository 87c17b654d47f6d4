namespace GraphMail.Engine.Connections.Failures;

/// <summary>The names an error message may mention: what the user asked for, never what proves it.</summary>
internal sealed class FailureContext
{
    internal FailureContext(string tenant, string? clientId, string cloud, string authorityHost, bool isSandbox, string? thumbprint, string? managedIdentityClientId)
    {
        Tenant = tenant;
        ClientId = clientId;
        Cloud = cloud;
        AuthorityHost = authorityHost;
        IsSandbox = isSandbox;
        Thumbprint = thumbprint;
        ManagedIdentityClientId = managedIdentityClientId;
    }

    internal string Tenant { get; }

    internal string? ClientId { get; }

    /// <summary>"Global", "USGov", ... or "GraphMail.Sandbox".</summary>
    internal string Cloud { get; }

    internal string AuthorityHost { get; }

    internal bool IsSandbox { get; }

    internal string? Thumbprint { get; }

    internal string? ManagedIdentityClientId { get; }

    /// <summary>When the certificate signed in with stops being valid (UTC); null for other credentials.</summary>
    internal System.DateTimeOffset? CertificateNotAfter { get; set; }

    internal string Render(string template) =>
        template
            .Replace("{tenant}", Tenant)
            .Replace("{client}", ClientId ?? "(unknown)")
            .Replace("{cloud}", Cloud)
            .Replace("{host}", AuthorityHost)
            .Replace("{thumbprint}", Thumbprint ?? "(unknown)");
}
