using System;
using System.Collections.Generic;
using System.Linq;
using GraphMail.Engine.Setup.Exchange;
using GraphMail.Engine.Setup.Scoping;
using GraphMail.Exchange;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Setup;

/// <summary>An Exchange Online session with canned answers, as the cmdlet-side adapter would give them.</summary>
internal sealed class FakeExchange : IExchangeOnlineSession
{
    internal Dictionary<string, AccessCheckResult?> Policies { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal Dictionary<string, ServicePrincipalRole[]> Roles { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Test-ServicePrincipalAuthorization's error when the app has no service principal in Exchange.</summary>
    internal string? ServicePrincipalError { get; set; }

    /// <summary>Invoke fails for commands with this name.</summary>
    internal string? FailingCommand { get; set; }

    internal List<ExchangeCommand> Invoked { get; } = new();

    /// <summary>What each Get- command answers (by command name), as property bags; a name not here finds nothing.</summary>
    internal Dictionary<string, Dictionary<string, string>[]> Answers { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal List<ExchangeLookup> LookedUp { get; } = new();

    /// <summary>Finds fails for lookups with this command name, as a command that is not there would.</summary>
    internal string? FailingLookup { get; set; }

    internal List<(string Command, string Mailbox, string AppId)> Asked { get; } = new();

    public string? NotConnectedReason { get; set; }

    public Guid? TenantId { get; set; } = Guid.Parse(SandboxDefaults.TenantId);

    /// <summary>A connected view of the sandbox's tenant with these mailboxes' answers.</summary>
    internal static ExchangeView View(params MailboxExchangeView[] mailboxes) => ExchangeView.Connected(Guid.Parse(SandboxDefaults.TenantId), mailboxes);

    public AccessCheckResult? TestApplicationAccessPolicy(string mailbox, string appId)
    {
        Asked.Add(("Test-ApplicationAccessPolicy", mailbox, appId));
        return Policies.TryGetValue(mailbox, out var result) ? result : AccessCheckResult.Granted;
    }

    public IReadOnlyList<ServicePrincipalRole> TestServicePrincipalAuthorization(string appId, string mailbox)
    {
        Asked.Add(("Test-ServicePrincipalAuthorization", mailbox, appId));
        return ServicePrincipalError is { } error ? throw new ExchangeCommandException(error)
            : Roles.TryGetValue(mailbox, out var roles) ? roles : Array.Empty<ServicePrincipalRole>();
    }

    public bool Finds(ExchangeLookup lookup)
    {
        LookedUp.Add(lookup);
        if (lookup.Command.Name == FailingLookup)
        {
            throw new ExchangeCommandException($"The term '{lookup.Command.Name}' is not recognized as a name of a cmdlet.");
        }

        var answers = Answers.TryGetValue(lookup.Command.Name, out var found) ? found : [];
        return lookup.Finds(answers.Select(a => (Func<string, string?>)(p => a.TryGetValue(p, out var v) ? v : null)));
    }

    public void Invoke(ExchangeCommand command)
    {
        if (command.Name == FailingCommand)
        {
            throw new ExchangeCommandException($"An object named '{command.Parameters.First().Value}' already exists.");
        }

        Invoked.Add(command);
    }
}
