using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using GraphMail.Sandbox;
using GraphMail.Sandbox.Routing;
using GraphMail.Sandbox.Seed;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Sandbox;

public sealed class ThrottlingTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public ThrottlingTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public async Task A_fifth_concurrent_request_to_one_mailbox_gets_ApplicationThrottled()
    {
        var token = await _sandbox.TokenAsync(SandboxDefaults.UnscopedAppId, SandboxDefaults.UnscopedSecret);
        using var pause = _sandbox.Control.PauseRoute(RouteNames.SendMail);

        var sends = Enumerable.Range(0, 5).Select(_ => SandboxGraphRequests.SendMailAsync(_sandbox, token, SandboxDefaults.Noreply, SandboxGraphRequests.SendMailBody())).ToList();
        await pause.WaitForArrivalsAsync(4, TestTimeout.Token);
        await _sandbox.Control.WaitForRequestAsync(r => r.Route == RouteNames.SendMail && r.Status == 429, TestTimeout.Token);
        var during = Assert.Single(_sandbox.Control.GetConcurrency());
        pause.Release();
        var responses = await Task.WhenAll(sends);

        Assert.Equal(4, during.InFlight);
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        var throttled = Assert.Single(responses, r => (int)r.StatusCode == 429);
        Assert.Equal("Application is over its MailboxConcurrency limit.", await SandboxGraphRequests.AssertGraphErrorAsync(throttled, 429, "ApplicationThrottled"));
        Assert.Equal(TimeSpan.FromSeconds(1), throttled.Headers.RetryAfter!.Delta);
        var after = Assert.Single(_sandbox.Control.GetConcurrency());
        Assert.Equal((0, 5, 1), (after.InFlight, after.PeakInFlight, after.Throttled));
        Assert.Equal(4, _sandbox.Control.GetMessages().Count);
    }

    [Theory]
    [InlineData(ConcurrencyScope.AppAndMailbox, 0)]
    [InlineData(ConcurrencyScope.App, 1)]
    public async Task Concurrency_counts_per_app_and_mailbox_or_per_app(ConcurrencyScope scope, int expectedThrottled)
    {
        _sandbox.Control.UpdateSettings(s => s with { ConcurrencyScope = scope });
        var token = await _sandbox.TokenAsync(SandboxDefaults.UnscopedAppId, SandboxDefaults.UnscopedSecret);
        using var pause = _sandbox.Control.PauseRoute(RouteNames.SendMail);

        var mailboxes = new[] { SandboxDefaults.Noreply, SandboxDefaults.Noreply, SandboxDefaults.Noreply, SandboxDefaults.Admin, SandboxDefaults.Admin };
        var sends = mailboxes.Select(m => SandboxGraphRequests.SendMailAsync(_sandbox, token, m, SandboxGraphRequests.SendMailBody())).ToList();
        await pause.WaitForArrivalsAsync(5 - expectedThrottled, TestTimeout.Token);
        if (expectedThrottled > 0)
        {
            await _sandbox.Control.WaitForRequestAsync(r => r.Status == 429, TestTimeout.Token);
        }

        pause.Release();
        var responses = await Task.WhenAll(sends);

        Assert.Equal(expectedThrottled, responses.Count(r => (int)r.StatusCode == 429));
        Assert.Equal(5 - expectedThrottled, _sandbox.Control.GetMessages().Count);
    }

    [Fact]
    public async Task An_exhausted_request_budget_is_the_generic_TooManyRequests_until_the_window_turns()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var seed = SeedLoader.LoadDefault();
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Clock = clock, Seed = seed with { Limits = seed.Limits with { RequestsPer10Minutes = 2 } } });
        var token = await SandboxMsal.TokenAsync(server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);
        using var http = SandboxTls.CreateClient(server.CertificateThumbprint, server.AuthorityBaseUri);
        Task<HttpResponseMessage> SendAsync() => SandboxGraphRequests.SendMailAsync(http, token, SandboxDefaults.Noreply, SandboxGraphRequests.SendMailBody());

        using var first = await SendAsync();
        using var second = await SendAsync();
        clock.Advance(TimeSpan.FromMinutes(4));
        using var third = await SendAsync();
        clock.Advance(TimeSpan.FromMinutes(6));
        using var fourth = await SendAsync();

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted], new[] { first.StatusCode, second.StatusCode });
        Assert.Equal("Please retry again later.", await SandboxGraphRequests.AssertGraphErrorAsync(third, 429, "TooManyRequests"));
        Assert.Equal(TimeSpan.FromMinutes(6), third.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.Accepted, fourth.StatusCode);
        Assert.Equal(3, server.Control.GetMessages().Count);
    }
}
