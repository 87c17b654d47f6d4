namespace GraphMail;

/// <summary>How a connection proves the app's identity to Entra ID.</summary>
public enum CredentialKind
{
    ClientSecret,
    Certificate,
    ManagedIdentity,
}
