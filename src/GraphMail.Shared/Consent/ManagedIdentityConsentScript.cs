namespace GraphMail;

/// <summary>
/// Managed identities have no consent link: an administrator assigns the Microsoft Graph app role to the identity's
/// service principal instead. This holds the Microsoft Graph PowerShell commands that do it.
/// </summary>
public sealed class ManagedIdentityConsentScript
{
    public ManagedIdentityConsentScript(string managedIdentity, GraphMailEnvironment environment, string appRole, string appRoleId, string script)
    {
        ManagedIdentity = managedIdentity;
        Environment = environment;
        AppRole = appRole;
        AppRoleId = appRoleId;
        Script = script;
    }

    /// <summary>The managed identity's client ID, service-principal object ID or display name, as given.</summary>
    public string ManagedIdentity { get; }

    public GraphMailEnvironment Environment { get; }

    /// <summary>The Microsoft Graph application permission assigned: Mail.Send.</summary>
    public string AppRole { get; }

    public string AppRoleId { get; }

    /// <summary>Microsoft Graph PowerShell commands to run as a Privileged Role Administrator or Global Administrator.</summary>
    public string Script { get; }

    public override string ToString() => Script;
}
