namespace GraphMail.Commands;

/// <summary>Connect-GraphMail's parameter sets: one per way of proving the app's identity.</summary>
internal static class ConnectParameterSets
{
    internal const string ClientSecret = "ClientSecret";
    internal const string Credential = "Credential";
    internal const string CertificateThumbprint = "CertificateThumbprint";
    internal const string Certificate = "Certificate";
    internal const string CertificatePath = "CertificatePath";
    internal const string ManagedIdentity = "ManagedIdentity";
    internal const string EnvironmentVariable = "EnvironmentVariable";

    /// <summary>New-GraphMailApplication's output, piped in.</summary>
    internal const string Application = "Application";
}
