using System;
using System.Linq;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Connections.Tokens;
using GraphMail.Engine.Sending.Retry;
using GraphMail.Engine.Setup;
using GraphMail.Sandbox;
using GraphMail.Sandbox.Control;
using GraphMail.Sandbox.Routing;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Setup;

/// <summary>Setup runs against a sandbox: requests for the default seed's apps, options with a fixed clock, and what the sandbox saw.</summary>
internal static class SetupRuns
{
    internal static ConnectionRequest Credentials(SandboxServer sandbox, string appId, string secret, string tenant = SandboxDefaults.TenantDomain) => new()
    {
        TenantId = tenant,
        ClientId = appId,
        Credential = new ClientSecretCredential(SecureStrings.From(secret)),
        Sandbox = SandboxEndpoint.Parse(sandbox.ReadyLine),
    };

    internal static SetupRequest Request(SandboxServer sandbox, string appId, string secret, string? mailbox = SandboxDefaults.Noreply, string? outOfScope = SandboxDefaults.Ceo) => new()
    {
        Credentials = Credentials(sandbox, appId, secret),
        Mailbox = mailbox,
        OutOfScopeMailbox = outOfScope,
    };

    /// <summary>UTC times, no retry waits, and the clock the caller gives (the sandbox's, for propagation).</summary>
    internal static SetupOptions Options(Func<DateTimeOffset>? now = null) => new()
    {
        UtcNow = now ?? (() => DateTimeOffset.UtcNow),
        TimeZone = TimeZoneInfo.Utc,
        Retry = new RetryOptions { Delay = (_, token) => Task.CompletedTask },
    };

    internal static Task<SetupReport> RunAsync(SetupRequest request, SetupOptions? options = null) =>
        new SetupTester(options ?? Options()).RunAsync(request, TestTimeout.Token);

    internal static SetupCheckResult Check(this SetupReport report, SetupCheck check) => report.Checks.Single(c => c.Check == check);

    internal static SetupCheckStatus StatusOf(this SetupReport report, SetupCheck check) => report.Check(check).Status;

    internal static RecordedRequest[] SendMailRequests(SandboxServer sandbox) =>
        sandbox.Control.GetRequests().Where(r => r.Route == RouteNames.SendMail).ToArray();

    internal static RecordedMessage[] Messages(SandboxServer sandbox) => sandbox.Control.GetMessages().ToArray();
}
