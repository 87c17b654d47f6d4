namespace GraphMail.Engine.Setup.Probes;

/// <summary>How far a recipient-less sendMail got through Graph's checks (permission → mailbox → scoping → body).</summary>
internal enum ProbeVerdict
{
    /// <summary>401 NoPermissionsInAccessToken: no app permission at all, from Entra ID or Exchange RBAC.</summary>
    NoPermissions,

    /// <summary>403 ErrorAccessDenied without [RAOP]: permissions, but not Mail.Send.</summary>
    MissingMailSend,

    /// <summary>401 InvalidAuthenticationToken: Graph refused the token itself.</summary>
    TokenRejected,

    /// <summary>404 ErrorInvalidUser: not a mailbox of this tenant (a group, a typo, another tenant's address).</summary>
    NoSuchMailbox,

    /// <summary>404 MailboxNotEnabledForRESTAPI: unlicensed, no Exchange Online mailbox, soft-deleted or on-premises.</summary>
    MailboxNotEnabled,

    /// <summary>403 ErrorAccessDenied [RAOP]: mailbox scoping keeps the app away from this mailbox.</summary>
    ScopedAway,

    /// <summary>400 ErrorInvalidRecipients: everything before the body passed; the app may send as this mailbox.</summary>
    ReachedBody,

    /// <summary>Anything else (throttled past the retries, 5xx, no connection): it says nothing about the setup.</summary>
    Inconclusive,
}
