using System.Security;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Connections.Configuration;

namespace GraphMail.Commands;

/// <summary>Connect-GraphMail's parameters → the engine's request. The credential kind follows from which parameters are set.</summary>
public sealed partial class ConnectGraphMailCommand
{
    /// <summary>The user's input an error record points at.</summary>
    private object? ErrorTarget => (object?)CertificatePath ?? CertificateThumbprint ?? TenantId ?? ClientId ?? ManagedIdentityClientId;

    internal ConnectionRequest ToRequest() =>
        ToRequest(new BoundValues(ManagedIdentity.IsPresent, EnvironmentVariable.IsPresent, Credential?.UserName, Credential?.Password));

    internal ConnectionRequest ToRequest(BoundValues bound)
    {
        var request = bound.EnvironmentVariable
            ? EnvironmentConfiguration.Read(Variables)
            : new ConnectionRequest { TenantId = TenantId, ClientId = bound.CredentialUserName ?? ClientId, Credential = CredentialFromParameters(bound) };
        if (_environmentGiven || !bound.EnvironmentVariable)
        {
            request.Environment = Environment;
        }

        request.DefaultFrom = DefaultFrom ?? request.DefaultFrom;
        request.Sandbox = Sandbox is null ? null : SandboxEndpoint.Parse(IsJson(Sandbox) ? Sandbox : ProviderPath(Sandbox));
        return request;
    }

    private AppCredential? CredentialFromParameters(BoundValues bound) =>
        bound.ManagedIdentity ? new ManagedIdentityCredential(ManagedIdentityClientId)
        : bound.CredentialPassword is not null ? new ClientSecretCredential(bound.CredentialPassword)
        : ClientSecret is not null ? new ClientSecretCredential(ClientSecret)
        : Certificate is not null ? new CertificateCredential(Certificate)
        : CertificateThumbprint is not null ? CertificateCredential.FromThumbprint(CertificateThumbprint)
        : CertificatePath is not null ? CertificateCredential.FromFile(ProviderPath(CertificatePath), CertificatePassword)
        : null;

    private static bool IsJson(string text) => text.TrimStart().StartsWith("{", System.StringComparison.Ordinal);

    /// <summary>
    /// The bound values PowerShell's own types hold (switches, PSCredential). The stub System.Management.Automation
    /// tests run against cannot show them, so tests pass them here.
    /// </summary>
    internal sealed class BoundValues
    {
        internal BoundValues(bool managedIdentity, bool environmentVariable, string? credentialUserName, SecureString? credentialPassword)
        {
            ManagedIdentity = managedIdentity;
            EnvironmentVariable = environmentVariable;
            CredentialUserName = credentialUserName;
            CredentialPassword = credentialPassword;
        }

        internal bool ManagedIdentity { get; }

        internal bool EnvironmentVariable { get; }

        internal string? CredentialUserName { get; }

        internal SecureString? CredentialPassword { get; }
    }
}
