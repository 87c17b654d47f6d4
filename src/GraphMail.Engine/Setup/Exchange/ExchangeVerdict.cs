namespace GraphMail.Engine.Setup.Exchange;

/// <summary>
/// What Exchange Online's own tests conclude for one mailbox, given how the app gets Mail.Send. Legacy application
/// access policies only narrow an Entra ID grant; RBAC for Applications grants add to it (they never narrow it).
/// </summary>
internal enum ExchangeVerdict
{
    /// <summary>No view: not connected, or no test answered.</summary>
    Unknown,

    Grants,

    Denies,

    /// <summary>An RBAC scope leaves the mailbox out, but the app's tenant-wide Entra ID Mail.Send grant reaches it anyway.</summary>
    ScopeDefeatedByEntraGrant,
}

internal static class ExchangeVerdicts
{
    internal static ExchangeVerdict For(MailboxExchangeView? view, bool entraMailSend)
    {
        if (view is null)
        {
            return ExchangeVerdict.Unknown;
        }

        var rbac = view.RoleGrants(ServicePrincipalRole.MailSend);
        if (rbac == true)
        {
            return ExchangeVerdict.Grants;
        }

        if (!entraMailSend)
        {
            return rbac == false ? ExchangeVerdict.Denies : ExchangeVerdict.Unknown;
        }

        return view.AccessPolicy switch
        {
            AccessCheckResult.Denied => ExchangeVerdict.Denies,
            AccessCheckResult.Granted when rbac == false => ExchangeVerdict.ScopeDefeatedByEntraGrant,
            AccessCheckResult.Granted => ExchangeVerdict.Grants,
            _ => ExchangeVerdict.Unknown,
        };
    }
}
