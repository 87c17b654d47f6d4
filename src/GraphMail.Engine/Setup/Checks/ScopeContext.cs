using GraphMail.Engine.Setup.Exchange;
using GraphMail.Engine.Setup.Propagation;

namespace GraphMail.Engine.Setup.Checks;

/// <summary>What the scoping checks weigh besides Graph's answer: Exchange's view, the change time, and how the app gets Mail.Send.</summary>
internal sealed class ScopeContext
{
    internal ScopeContext(ExchangeView exchange, PropagationWindow window, bool entraMailSend, SetupSubject subject)
    {
        Exchange = exchange;
        Window = window;
        EntraMailSend = entraMailSend;
        Subject = subject;
    }

    internal ExchangeView Exchange { get; }

    internal PropagationWindow Window { get; }

    /// <summary>True when the token carries Mail.Send from Entra ID (admin consent), which is tenant-wide unless a policy narrows it.</summary>
    internal bool EntraMailSend { get; }

    internal SetupSubject Subject { get; }

    internal ExchangeVerdict VerdictFor(string mailbox) => ExchangeVerdicts.For(Exchange.For(mailbox), EntraMailSend);

    /// <summary>" Exchange Online for x: …" or why Exchange's view is missing, to end a detail with.</summary>
    internal string ExchangeNote(string mailbox) =>
        " " + (Exchange.IsConnected
            ? Exchange.For(mailbox)?.Describe() ?? $"Exchange Online gave no answer for {mailbox}."
            : "Exchange Online's view was not consulted: " + Exchange.NotConnectedReason + ".");

    internal string ChangeNote => Window.ChangedAt is { } changed ? $" You changed the scoping at {Window.Format(changed)}." : string.Empty;
}
