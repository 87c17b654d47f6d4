namespace GraphMail;

/// <summary>What the address the browser landed on after the consent screen says.</summary>
public enum ConsentOutcome
{
    /// <summary>admin_consent=True, no error, and the state (and tenant, when expected) matched.</summary>
    Granted,

    /// <summary>The admin cancelled or declined the consent screen.</summary>
    Declined,

    /// <summary>Entra ID answered with an error.</summary>
    Failed,

    /// <summary>The answer's state is not the one the link was made with: it belongs to another request, or was forged.</summary>
    StateMismatch,

    /// <summary>The answer names another tenant than the one the link was made for.</summary>
    TenantMismatch,
}
