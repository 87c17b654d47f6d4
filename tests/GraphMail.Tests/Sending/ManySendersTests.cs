using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Pipeline;
using GraphMail.Sandbox;
using GraphMail.Sandbox.Routing;
using GraphMail.Sandbox.Seed;
using GraphMail.Tests.Infrastructure;
using static GraphMail.Tests.Sending.SendHarness;

namespace GraphMail.Tests.Sending;

/// <summary>
/// Outlook's limit of 4 concurrent requests is per mailbox: one command sending as ten mailboxes keeps all ten busy at
/// once, against a sandbox of its own that has ten more mailboxes (the benchmark's many-senders row, as behaviour).
/// </summary>
public sealed class ManySendersTests : IAsyncLifetime
{
    /// <summary>Not a timing assertion: a bug fails the test instead of hanging the run.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    private static readonly IReadOnlyList<string> Senders = Enumerable.Range(1, 10).Select(i => $"sender{i:00}@contoso.com").ToList();

    private SandboxServer? _server;

    private SandboxServer Server => _server ?? throw new InvalidOperationException("The sandbox has not started.");

    public async Task InitializeAsync()
    {
        var seed = SeedLoader.LoadDefault();
        var contoso = seed.Tenants[0];
        var senders = Senders.Select((upn, i) => new SeedUser { Id = new Guid(0x6e6d0000 + i, 0x5e4d, 0x4c00, 0xb0, 0x5e, 0x6c, 0x17, 0, 0, 0, (byte)i), UserPrincipalName = upn });
        _server = await SandboxServer.StartAsync(new SandboxOptions
        {
            RandomSeed = 1234,
            Seed = seed with { Tenants = [contoso with { Users = [.. contoso.Users, .. senders] }, .. seed.Tenants.Skip(1)] },
        });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task TenMailboxesHaveAllTheirRequestSlotsOnTheWireAtOnceAndNoMore()
    {
        using var harness = await ConnectAsync(Server, null, SandboxDefaults.UnscopedAppId, SandboxDefaults.UnscopedSecret);
        var records = Enumerable.Range(0, 80).Select(i =>
            Row(i, $"row {i}", ("To", $"user{i}@fabrikam.com"), ("Subject", $"row {i}"), ("From", Senders[i % Senders.Count])));
        IReadOnlyList<SendResult> outcomes;
        using (var pause = Server.Control.PauseRoute(RouteNames.SendMail))
        {
            var command = Task.Run(() => harness.Run(new MailParameters(), records));

            // 10 mailboxes × 4 requests: more than the 16 messages the engine once allowed in all.
            await pause.WaitForArrivalsAsync(Senders.Count * SendLimits.MaxInFlightPerMailbox).WaitAsync(HangGuard);
            pause.Release();
            outcomes = await command.WaitAsync(HangGuard);
        }

        Assert.Equal(80, outcomes.Count(o => o.Status == SendStatus.Sent));
        Assert.Equal(80, Server.Control.GetMessages().Select(m => m.InternetMessageId).Distinct().Count());
        Assert.InRange(harness.Sender.PeakOnWirePerMailbox, 1, SendLimits.MaxInFlightPerMailbox);
        var concurrency = Server.Control.GetConcurrency().Where(c => c.Mailbox is { } mailbox && Senders.Contains(mailbox, StringComparer.OrdinalIgnoreCase)).ToList();
        Assert.Equal(Senders.Count, concurrency.Count);
        Assert.All(concurrency, c =>
        {
            Assert.Equal(SendLimits.MaxInFlightPerMailbox, c.PeakInFlight);
            Assert.Equal(0, c.Throttled);
        });
    }
}
