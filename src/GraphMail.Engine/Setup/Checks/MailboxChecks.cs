using GraphMail.Engine.Setup.Exchange;
using GraphMail.Engine.Setup.Probes;

namespace GraphMail.Engine.Setup.Checks;

/// <summary>The designated sender, from its probe: does it exist and take Graph (SenderMailbox), and may the app use it (SenderAccess)?</summary>
internal static class MailboxChecks
{
    internal static SetupCheckResult SenderMailbox(ProbeResult probe) => probe.Verdict switch
    {
        ProbeVerdict.NoSuchMailbox or ProbeVerdict.MailboxNotEnabled => Results.From(SetupCheck.SenderMailbox, probe.Error!),
        ProbeVerdict.ScopedAway or ProbeVerdict.ReachedBody => Results.Passed(SetupCheck.SenderMailbox,
            $"{probe.Mailbox} exists, is licensed and is enabled for Graph: a recipient-less probe got past Graph's mailbox checks ({probe.Answer}).", probe.Error),
        _ => Results.From(SetupCheck.SenderMailbox, probe.Error!, $"{probe.Mailbox} could not be checked ({probe.Answer}):"),
    };

    internal static SetupCheckResult SenderAccess(ProbeResult probe, ScopeContext context)
    {
        var mailbox = probe.Mailbox;
        var exchange = context.VerdictFor(mailbox);
        if (probe.Verdict == ProbeVerdict.ReachedBody)
        {
            return exchange == ExchangeVerdict.Denies
                ? Results.Propagating(SetupCheck.SenderAccess,
                    $"Graph lets the app use {mailbox} now, but Exchange already keeps it out of the app's scope: once that change reaches Graph, sending from {mailbox} stops." + context.ExchangeNote(mailbox),
                    context.Window)
                : Results.Passed(SetupCheck.SenderAccess, $"Graph lets the app use {mailbox}: the probe got past mailbox scoping ({probe.Answer})." + context.ExchangeNote(mailbox), probe.Error);
        }

        var refused = $"Graph refuses the app {mailbox} ({probe.Answer}, [RAOP]: mailbox scoping)";
        if (exchange == ExchangeVerdict.Grants)
        {
            return Results.Propagating(SetupCheck.SenderAccess, refused + ", although Exchange already grants it: the change has not reached Graph yet." + context.ExchangeNote(mailbox), context.Window, probe.Error);
        }

        if (context.Window.RecentChange)
        {
            return Results.Propagating(SetupCheck.SenderAccess, refused + "; it may still be propagating." + context.ChangeNote + context.ExchangeNote(mailbox), context.Window, probe.Error);
        }

        return Results.Failed(SetupCheck.SenderAccess,
            refused + ": the policy's group or the role assignment's scope leaves it out." + context.ExchangeNote(mailbox) +
            " If you changed the scoping within the last two hours, run the test again with -PolicyChangedAt.",
            probe.Error!.Fix + " Or: " + Remedies.Scope(context.Subject, mailbox), probe.Error);
    }
}
