using GraphMail.Engine.Setup.Exchange;
using GraphMail.Engine.Setup.Probes;

namespace GraphMail.Engine.Setup.Checks;

/// <summary>
/// The negative check: a recipient-less probe as a mailbox the app must not reach has to be refused with 403
/// ErrorAccessDenied [RAOP]. Exchange Online's own tests and the change time tell a defeated scope from a fresh one.
/// </summary>
internal static class ScopingCheck
{
    internal static SetupCheckResult Evaluate(ProbeResult probe, ScopeContext context, string designated)
    {
        var mailbox = probe.Mailbox;
        var exchange = context.VerdictFor(mailbox);
        switch (probe.Verdict)
        {
            case ProbeVerdict.ScopedAway:
                return exchange == ExchangeVerdict.Grants
                    ? Results.Propagating(SetupCheck.Scoping,
                        $"Graph refuses the app {mailbox} ({probe.Answer}), but Exchange now grants it: once that change reaches Graph, the app can use {mailbox}." + context.ExchangeNote(mailbox), context.Window)
                    : Results.Passed(SetupCheck.Scoping, $"Graph refuses the app {mailbox} ({probe.Answer}, [RAOP]): the scoping holds." + context.ExchangeNote(mailbox), probe.Error);
            case ProbeVerdict.ReachedBody:
                return Accepted(probe, context, exchange, designated);
            case ProbeVerdict.NoSuchMailbox:
            case ProbeVerdict.MailboxNotEnabled:
                return Results.Warning(SetupCheck.Scoping,
                    $"Not tested: {mailbox} is not a usable mailbox ({probe.Answer}), and Graph checks the mailbox before scoping.",
                    "Pass -OutOfScopeMailbox with an existing, licensed mailbox that this app must not reach.");
            default:
                return Results.Warning(SetupCheck.Scoping, $"Not tested: the probe as {mailbox} got no usable answer ({probe.Answer}). {probe.Error?.Cause}", probe.Error?.Fix);
        }
    }

    private static SetupCheckResult Accepted(ProbeResult probe, ScopeContext context, ExchangeVerdict exchange, string designated)
    {
        var mailbox = probe.Mailbox;
        var accepted = $"Graph let the app reach {mailbox} ({probe.Answer}: the probe got past mailbox scoping)";
        if (exchange == ExchangeVerdict.ScopeDefeatedByEntraGrant)
        {
            return Results.Failed(SetupCheck.Scoping,
                accepted + ", although Exchange RBAC for Applications leaves it out of the app's scope: the app's Mail.Send consent in Entra ID is tenant-wide and adds up with the RBAC role, so the scope is defeated." + context.ExchangeNote(mailbox),
                Remedies.RemoveEntraMailSend);
        }

        if (exchange == ExchangeVerdict.Denies)
        {
            return Results.Propagating(SetupCheck.Scoping, accepted + ", although Exchange already denies it: the restriction has not reached Graph yet." + context.ExchangeNote(mailbox), context.Window);
        }

        if (context.Window.RecentChange)
        {
            return Results.Propagating(SetupCheck.Scoping, accepted + "; a new restriction may still be propagating." + context.ChangeNote + context.ExchangeNote(mailbox), context.Window);
        }

        var entra = context.EntraMailSend
            ? " With RBAC for Applications, also remove the app's Mail.Send consent in Entra ID afterwards: it is tenant-wide and RBAC cannot narrow it."
            : string.Empty;
        return Results.Failed(SetupCheck.Scoping, accepted + ": this app can send as any mailbox in the tenant." + context.ExchangeNote(mailbox),
            Remedies.Scope(context.Subject, designated) + entra);
    }
}
