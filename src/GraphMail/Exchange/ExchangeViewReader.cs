using System.Collections.Generic;
using System.Linq;
using GraphMail.Engine.Setup;
using GraphMail.Engine.Setup.Exchange;

namespace GraphMail.Exchange;

/// <summary>Asks Exchange Online, before the engine runs and on the pipeline thread, what it says about the app and each mailbox.</summary>
internal static class ExchangeViewReader
{
    internal static ExchangeView Read(IExchangeOnlineSession session, SetupRequest request)
    {
        if (session.NotConnectedReason is { } reason)
        {
            return ExchangeView.NotConnected(reason);
        }

        if (request.ExchangeAppId is not { } appId)
        {
            return ExchangeView.NotConnected("the app ID is only known from the managed identity's token");
        }

        return ExchangeView.Connected(session.TenantId, request.ExchangeMailboxes.Select(m => ReadOne(session, appId, m)).ToList());
    }

    private static MailboxExchangeView ReadOne(IExchangeOnlineSession session, string appId, string mailbox)
    {
        var problems = new List<string>();
        AccessCheckResult? policy = null;
        IReadOnlyList<ServicePrincipalRole> roles = new List<ServicePrincipalRole>();
        try
        {
            policy = session.TestApplicationAccessPolicy(mailbox, appId);
        }
        catch (ExchangeCommandException e)
        {
            problems.Add("Test-ApplicationAccessPolicy failed: " + e.Message);
        }

        try
        {
            roles = session.TestServicePrincipalAuthorization(appId, mailbox);
        }
        catch (ExchangeCommandException e)
        {
            problems.Add("Test-ServicePrincipalAuthorization failed (an app without New-ServicePrincipal has no RBAC roles): " + e.Message);
        }

        return new MailboxExchangeView(mailbox, policy, roles, problems);
    }
}
