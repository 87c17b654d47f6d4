namespace GraphMail.Engine.Setup.Exchange;

/// <summary>Test-ServicePrincipalAuthorization's InScope column: True, False or "Not Run" (no -Resource to test).</summary>
public enum RoleInScope
{
    True,
    False,
    NotRun,
}
