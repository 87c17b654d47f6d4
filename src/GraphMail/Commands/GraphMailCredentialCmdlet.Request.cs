using GraphMail.Engine.Applications;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Connections.Configuration;

namespace GraphMail.Commands;

/// <summary>The credential parameters → the engine's request. The credential kind follows from which parameters are set.</summary>
public abstract partial class GraphMailCredentialCmdlet
{
    /// <summary>The user's input an error record points at: the sandbox when that was refused, else the item, else the credential input.</summary>
    private protected object? ErrorTargetOf(GraphMailException error, object? item = null) =>
        error.ErrorId switch
        {
            ErrorIds.InvalidSandboxEndpoint => Sandbox ?? Application?.Sandbox,

            // Entra ID refused the app or its credential: the app is what the user named (never the secret itself).
            ErrorIds.ApplicationNotFoundInTenant or ErrorIds.ClientSecretInvalid or ErrorIds.ClientSecretExpired or ErrorIds.ClientSecretEmpty
                or ErrorIds.ApplicationDisabled => ClientId ?? Credential?.UserName ?? item ?? (object?)Application,

            // Entra ID does not know this cloud's Graph: the cloud is what the user chose.
            ErrorIds.InvalidScope or ErrorIds.ResourceNotFoundInTenant => Environment,
            _ => item ?? (object?)CertificatePath ?? CertificateThumbprint ?? TenantId ?? ClientId ?? ManagedIdentityClientId ?? (object?)Application,
        };

    /// <summary>True when any credential parameter was given (a credential parameter set, not the current connection).</summary>
    private protected bool HasCredentialParameters =>
        TenantId is not null || ClientId is not null || ClientSecret is not null || Credential is not null || CertificateThumbprint is not null ||
        Certificate is not null || CertificatePath is not null || ManagedIdentity.IsPresent || EnvironmentVariable.IsPresent || Application is not null;

    /// <summary>A cmdlet's own -DefaultFrom, which overrides the environment variables' default sender.</summary>
    private protected virtual string? DefaultFromParameter => null;

    internal ConnectionRequest ToRequest()
    {
        var request = EnvironmentVariable.IsPresent
            ? EnvironmentConfiguration.Read(ProcessEnvironmentVariables.Instance)
            : Application is { } app
                ? new ConnectionRequest { TenantId = app.TenantId, ClientId = app.ClientId, Credential = ApplicationCredentials.From(app), Environment = app.Environment }
                : new ConnectionRequest { TenantId = TenantId, ClientId = Credential?.UserName ?? ClientId, Credential = CredentialFromParameters() };
        if (EnvironmentGiven || (!EnvironmentVariable.IsPresent && Application is null))
        {
            request.Environment = Environment;
        }

        request.DefaultFrom = DefaultFromParameter ?? request.DefaultFrom;
        request.Sandbox = SandboxEndpointOf(Sandbox ?? Application?.Sandbox);
        return request;
    }

    private AppCredential? CredentialFromParameters() =>
        ManagedIdentity.IsPresent ? new ManagedIdentityCredential(ManagedIdentityClientId)
        : Credential?.Password is { } password ? new ClientSecretCredential(password)
        : ClientSecret is not null ? new ClientSecretCredential(ClientSecret)
        : Certificate is not null ? new CertificateCredential(Certificate)
        : CertificateThumbprint is not null ? CertificateCredential.FromThumbprint(CertificateThumbprint)
        : CertificatePath is not null ? CertificateCredential.FromFile(FileSystemPath(CertificatePath, nameof(CertificatePath)), CertificatePassword)
        : null;
}
