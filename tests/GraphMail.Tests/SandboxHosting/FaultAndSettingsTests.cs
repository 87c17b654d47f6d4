using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Engine.SandboxHosting.Control;
using GraphMail.Sandbox;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Routing;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.SandboxHosting;

/// <summary>Faults, settings and reset through the control client, observed on raw Graph requests to the real sandbox.</summary>
public sealed class FaultAndSettingsTests(SandboxFixture sandbox) : ControlClientTestBase(sandbox)
{
    public static IEnumerable<object[]> Routes() => SandboxFaultNames.Routes.Select(r => new object[] { r });

    public static IEnumerable<object[]> Kinds() => SandboxFaultNames.Kinds.Select(k => new object[] { k });

    [Fact]
    public async Task A_throttle_fault_answers_the_next_send_429_with_its_Retry_After_then_lets_sends_through()
    {
        var token = await SenderTokenAsync();
        await Control.AddFaultAsync(new SandboxFault("SendMail", "Throttle") { Count = 1, RetryAfterSeconds = 7 }, TestTimeout.Token);

        using (var throttled = await SandboxGraphRequests.SendMailAsync(Sandbox, token, SandboxDefaults.Noreply, SandboxGraphRequests.SendMailBody()))
        {
            await SandboxGraphRequests.AssertGraphErrorAsync(throttled, 429, "TooManyRequests");
            Assert.Equal(TimeSpan.FromSeconds(7), throttled.Headers.RetryAfter!.Delta);
        }

        using (var accepted = await SandboxGraphRequests.SendMailAsync(Sandbox, token, SandboxDefaults.Noreply, SandboxGraphRequests.SendMailBody()))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        var sends = await Control.GetRequestsAsync(SandboxFaultNames.SendMailRoute, TestTimeout.Token);
        Assert.Equal([(429, "throttle"), (202, (string?)null)], sends.Select(r => (r.Status, r.Fault)));
    }

    [Fact]
    public async Task The_fault_reaches_the_sandbox_with_every_option_and_clearing_removes_it()
    {
        await Control.AddFaultAsync(new SandboxFault(SandboxFaultNames.SendRoute, SandboxFaultNames.Unavailable) { Ratio = 0.25, RetryAfterSeconds = 3, LatencyMilliseconds = 15 }, TestTimeout.Token);

        var fault = Assert.Single(Sandbox.Control.GetFaults());
        Assert.Equal((RouteNames.Send, FaultKind.Unavailable, (int?)null, (double?)0.25, (int?)3, 15), (fault.Route, fault.Kind, fault.Count, fault.Ratio, fault.RetryAfterSeconds, fault.LatencyMs));

        await Control.ClearFaultsAsync(TestTimeout.Token);

        Assert.Empty(Sandbox.Control.GetFaults());
    }

    [Fact]
    public void The_route_names_are_the_sandboxs_route_names() =>
        Assert.Equal(RouteNames.All, SandboxFaultNames.Routes);

    [Fact]
    public void The_kind_names_are_the_sandboxs_fault_kinds_as_its_JSON_spells_them() =>
        Assert.Equal(Enum.GetNames<FaultKind>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]), SandboxFaultNames.Kinds);

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task The_sandbox_accepts_every_route_name(string route)
    {
        await Control.AddFaultAsync(new SandboxFault(route, SandboxFaultNames.Latency), TestTimeout.Token);

        Assert.Equal(route, Assert.Single(Sandbox.Control.GetFaults()).Route);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_sandbox_accepts_every_kind_name(string kind)
    {
        await Control.AddFaultAsync(new SandboxFault(SandboxFaultNames.SendMailRoute.ToUpperInvariant(), kind.ToUpperInvariant()), TestTimeout.Token);

        Assert.Equal(kind, SandboxFaultNames.Kinds[(int)Assert.Single(Sandbox.Control.GetFaults()).Kind]);
    }

    [Theory]
    [InlineData("sendMial", "throttle", "'sendMial' is not a sandbox fault route")]
    [InlineData("sendMail", "throttled", "'throttled' is not a sandbox fault kind")]
    public async Task Unknown_names_are_refused_before_anything_is_sent(string route, string kind, string cause)
    {
        var error = await Assert.ThrowsAsync<GraphMailException>(() => Control.AddFaultAsync(new SandboxFault(route, kind), TestTimeout.Token));

        Assert.Equal((ErrorIds.InvalidSandboxFault, GraphMailErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
        Assert.StartsWith(cause, error.Cause);
        Assert.Empty(Sandbox.Control.GetFaults());
    }

    [Theory]
    [InlineData(2, 0.5, 0, 0)]
    [InlineData(0, null, 0, 0)]
    [InlineData(null, 0.0, 0, 0)]
    [InlineData(null, 1.5, 0, 0)]
    [InlineData(null, null, -1, 0)]
    [InlineData(null, null, 0, -1)]
    public async Task Counts_ratios_and_times_out_of_range_are_refused(int? count, double? ratio, int retryAfter, int latency)
    {
        var fault = new SandboxFault("sendMail", "throttle") { Count = count, Ratio = ratio, RetryAfterSeconds = retryAfter, LatencyMilliseconds = latency };

        var error = await Assert.ThrowsAsync<GraphMailException>(() => Control.AddFaultAsync(fault, TestTimeout.Token));

        Assert.Equal(ErrorIds.InvalidSandboxFault, error.ErrorId);
    }

    [Fact]
    public async Task A_tokenExpired_fault_on_the_token_route_is_refused_by_the_sandbox_in_its_words()
    {
        var error = await Assert.ThrowsAsync<GraphMailException>(() =>
            Control.AddFaultAsync(new SandboxFault(SandboxFaultNames.TokenRoute, SandboxFaultNames.TokenExpired), TestTimeout.Token));

        Assert.Equal((ErrorIds.SandboxControlRefused, GraphMailErrorKind.InvalidArgument, 400), (error.ErrorId, error.Kind, error.HttpStatus));
        Assert.Equal("The sandbox refused POST /_sandbox/faults: A tokenExpired fault applies to Graph routes that take a bearer token.", error.Cause);
    }

    [Fact]
    public async Task Settings_change_what_the_sandbox_enforces_and_reset_restores_them()
    {
        var token = await SenderTokenAsync();
        var original = Sandbox.Control.GetSettings();
        var twoRecipients = SandboxGraphRequests.SendMailBody(extraMessageProperties: ",\"ccRecipients\":[{\"emailAddress\":{\"address\":\"cc@example.com\"}}]");

        await Control.UpdateSettingsAsync(new Dictionary<string, object> { ["maxRecipientsPerMessage"] = 1 }, TestTimeout.Token);
        using (var refused = await SandboxGraphRequests.SendMailAsync(Sandbox, token, SandboxDefaults.Noreply, twoRecipients))
        {
            await SandboxGraphRequests.AssertGraphErrorAsync(refused, 400, "ErrorTooManyRecipients");
        }

        await Control.AddFaultAsync(new SandboxFault("sendMail", "throttle") { Ratio = 1 }, TestTimeout.Token);
        await Control.ResetAsync(TestTimeout.Token);

        Assert.Equal(original, Sandbox.Control.GetSettings());
        Assert.Empty(Sandbox.Control.GetFaults());
        using var accepted = await SandboxGraphRequests.SendMailAsync(Sandbox, token, SandboxDefaults.Noreply, twoRecipients);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Single(Sandbox.Control.GetMessages());
    }

    [Fact]
    public async Task An_unknown_setting_is_the_sandboxs_refusal()
    {
        var error = await Assert.ThrowsAsync<GraphMailException>(() =>
            Control.UpdateSettingsAsync(new Dictionary<string, object> { ["latencyMilliseconds"] = 5 }, TestTimeout.Token));

        Assert.Equal(ErrorIds.SandboxControlRefused, error.ErrorId);
        Assert.EndsWith("Unknown setting 'latencyMilliseconds'.", error.Cause);
    }

    [Fact]
    public async Task A_stopped_sandbox_is_unreachable_with_the_way_out()
    {
        var gone = await SandboxServer.StartAsync();
        var endpoint = SandboxEndpoint.Parse(gone.ReadyLine);
        await gone.DisposeAsync();
        using var control = new SandboxControlClient(endpoint);

        var error = await Assert.ThrowsAsync<GraphMailException>(() => control.GetMessagesAsync(null, TestTimeout.Token));

        Assert.Equal((ErrorIds.SandboxUnreachable, GraphMailErrorKind.ConnectionError), (error.ErrorId, error.Kind));
        Assert.StartsWith($"The GraphMail.Sandbox at {gone.Origin.GetLeftPart(UriPartial.Authority)} did not answer; it may have stopped", error.Cause);
        Assert.Contains("Start-GraphMailSandbox", error.Fix);
    }

    [Fact]
    public void An_endpoint_without_aControl_API_is_refused()
    {
        var readyLine = Sandbox.Server.ReadyLine.Replace("\"control\":", "\"notControl\":", StringComparison.Ordinal);

        var error = Assert.Throws<GraphMailException>(() => new SandboxControlClient(SandboxEndpoint.Parse(readyLine)));

        Assert.Equal(ErrorIds.InvalidSandboxEndpoint, error.ErrorId);
    }

    private Task<string> SenderTokenAsync() => Sandbox.TokenAsync(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);
}
