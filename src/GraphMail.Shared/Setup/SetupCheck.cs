namespace GraphMail;

/// <summary>
/// The checks Test-GraphMailSetup runs, in the order it runs them. The names are stable: scripts may match on them.
/// Each layer is checked only when the layers before it passed.
/// </summary>
public enum SetupCheck
{
    /// <summary>The tenant resolves (domain → tenant ID) in the chosen cloud.</summary>
    Tenant,

    /// <summary>
    /// Optional, with an administrator signed in (Connect-GraphMailAdmin): the app's service principal, its Mail.Send admin
    /// consent and its credentials' expiry as the directory holds them, and a tenant-wide grant beside an RBAC scope.
    /// </summary>
    Registration,

    /// <summary>The credential gets a token from Entra ID.</summary>
    Credential,

    /// <summary>The token is app-only and carries Mail.Send (or Exchange RBAC grants it), and nothing broader.</summary>
    Permissions,

    /// <summary>The designated sender exists, is licensed and is enabled for Graph (REST).</summary>
    SenderMailbox,

    /// <summary>The app's mailbox scoping lets it use the designated sender.</summary>
    SenderAccess,

    /// <summary>A real message from the designated sender to -TestRecipient (opt-in).</summary>
    VerificationSend,

    /// <summary>Graph refuses the app a mailbox outside its scope (-OutOfScopeMailbox).</summary>
    Scoping,

    /// <summary>Whether attachments over about 3 MB can be sent (they need Mail.ReadWrite). Information only.</summary>
    LargeAttachments,

    /// <summary>Whether Send-GraphMail -Delivery ExactlyOnce can be used (it needs Mail.ReadWrite). Information only.</summary>
    ExactlyOnce,

    /// <summary>Exchange Online's sending limits for the sender; a warning for a *.onmicrosoft.com sender (100 external recipients a day).</summary>
    SendingLimits,
}
