using System.Text.Json.Serialization;

namespace GraphMail.Sandbox;

/// <summary>
/// How to reach a running sandbox: the ready line the standalone process prints and the --connection-file it writes.
/// Property names are a contract (the GraphMail connection cmdlet parses them).
/// </summary>
public sealed record SandboxConnectionInfo
{
    [JsonPropertyName("sandbox")]
    public string Sandbox { get; init; } = "GraphMail.Sandbox";

    [JsonPropertyName("version")]
    public required string Version { get; init; }

    /// <summary>https://127.0.0.1:PORT/ — the Entra ID authority host; append the tenant.</summary>
    [JsonPropertyName("authority")]
    public required string Authority { get; init; }

    /// <summary>https://127.0.0.1:PORT/v1.0</summary>
    [JsonPropertyName("graph")]
    public required string Graph { get; init; }

    /// <summary>https://127.0.0.1:PORT/_sandbox</summary>
    [JsonPropertyName("control")]
    public required string Control { get; init; }

    /// <summary>SHA-1 hex, as X509Certificate2.Thumbprint.</summary>
    [JsonPropertyName("certificateThumbprint")]
    public required string CertificateThumbprint { get; init; }

    [JsonPropertyName("certificateSha256")]
    public required string CertificateSha256 { get; init; }

    /// <summary>Absolute path of the server certificate (public part) as PEM.</summary>
    [JsonPropertyName("certificatePem")]
    public required string CertificatePem { get; init; }

    [JsonPropertyName("managedIdentity")]
    public required ManagedIdentityEndpointsInfo ManagedIdentity { get; init; }
}

public sealed record ManagedIdentityEndpointsInfo
{
    /// <summary>Value for IDENTITY_ENDPOINT (App Service / Azure Automation style).</summary>
    [JsonPropertyName("identityEndpoint")]
    public required string IdentityEndpoint { get; init; }

    /// <summary>Value for IDENTITY_HEADER: the secret sent back as X-IDENTITY-HEADER.</summary>
    [JsonPropertyName("identityHeader")]
    public required string IdentityHeader { get; init; }

    /// <summary>Base for IMDS-style requests (AZURE_POD_IDENTITY_AUTHORITY_HOST for MSAL).</summary>
    [JsonPropertyName("imdsEndpoint")]
    public required string ImdsEndpoint { get; init; }
}
