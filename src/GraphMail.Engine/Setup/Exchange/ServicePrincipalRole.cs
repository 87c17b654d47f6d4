namespace GraphMail.Engine.Setup.Exchange;

/// <summary>One row of Test-ServicePrincipalAuthorization: an RBAC for Applications role and whether a mailbox is in its scope.</summary>
public sealed class ServicePrincipalRole
{
    public const string MailSend = "Application Mail.Send";
    public const string MailReadWrite = "Application Mail.ReadWrite";

    public ServicePrincipalRole(string roleName, RoleInScope inScope)
    {
        RoleName = roleName ?? string.Empty;
        InScope = inScope;
    }

    /// <summary>Such as "Application Mail.Send".</summary>
    public string RoleName { get; }

    public RoleInScope InScope { get; }

    internal bool Is(string roleName) => string.Equals(RoleName, roleName, System.StringComparison.OrdinalIgnoreCase);

    public override string ToString() => RoleName + " InScope " + (InScope == RoleInScope.NotRun ? "Not Run" : InScope.ToString());
}
