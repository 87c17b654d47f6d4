using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Routing;
using GraphMail.Tests.Infrastructure;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace GraphMail.Tests.Sandbox;

public sealed class FaultTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public FaultTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Theory]
    [InlineData(FaultKind.Throttle, 5, 429, "TooManyRequests")]
    [InlineData(FaultKind.Unavailable, 5, 503, "ServiceUnavailable")]
    [InlineData(FaultKind.Unavailable, null, 503, "ServiceUnavailable")]
    public async Task Status_faults_refuse_before_processing(FaultKind kind, int? retryAfter, int status, string code)
    {
        var token = await Token();
        _sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.SendMail, Kind = kind, Count = 1, RetryAfterSeconds = retryAfter });

        using var faulted = await Send(token);
        using var next = await Send(token);

        await SandboxGraphRequests.AssertGraphErrorAsync(faulted, status, code);
        Assert.Equal(retryAfter is null ? null : TimeSpan.FromSeconds(retryAfter.Value), faulted.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Accepted, next.StatusCode);
        Assert.Single(_sandbox.Control.GetMessages());
        Assert.Equal(SandboxJsonName(kind), _sandbox.Control.GetRequests().First(r => r.Route == RouteNames.SendMail).Fault);
    }

    [Fact]
    public async Task A_504_after_accept_records_the_message_and_still_answers_504()
    {
        var token = await Token();
        _sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.GatewayTimeoutAfterAccept });

        using var response = await Send(token);

        await SandboxGraphRequests.AssertGraphErrorAsync(response, 504, "GatewayTimeout");
        Assert.Single(_sandbox.Control.GetMessages());
    }

    [Fact]
    public async Task The_graph_sdk_default_retry_resends_after_a_504_and_delivers_twice()
    {
        _sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.GatewayTimeoutAfterAccept, RetryAfterSeconds = 0 });
        var graph = SandboxGraph.Create(_sandbox.Server, _sandbox.SenderApp(), new RetryHandlerOption { MaxRetry = 3, Delay = 0 });

        await graph.Users[SandboxDefaults.Noreply].SendMail.PostAsync(new SendMailPostRequestBody
        {
            Message = new Message { Subject = "once?", ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = "a@example.com" } }] },
        });

        Assert.Equal(2, _sandbox.Control.GetMessages().Count(m => m.Subject == "once?"));
        Assert.Equal([504, 202], _sandbox.Control.GetRequests().Where(r => r.Route == RouteNames.SendMail).Select(r => r.Status));
    }

    [Theory]
    [InlineData(FaultKind.ResetBeforeProcessing, 0)]
    [InlineData(FaultKind.ResetAfterAccept, 1)]
    public async Task Connection_resets_abort_before_or_after_the_message_is_accepted(FaultKind kind, int recorded)
    {
        var token = await Token();
        _sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.SendMail, Kind = kind });

        await Assert.ThrowsAsync<HttpRequestException>(() => Send(token));

        Assert.Equal(recorded, _sandbox.Control.GetMessages().Count);
        var logged = Assert.Single(_sandbox.Control.GetRequests(), r => r.Route == RouteNames.SendMail);
        Assert.Equal(0, logged.Status);
    }

    [Fact]
    public async Task Latency_faults_and_the_base_latency_delay_answers()
    {
        var token = await Token();
        _sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.Latency, LatencyMs = 300 });
        _sandbox.Control.UpdateSettings(s => s with { LatencyMs = 100 });

        var watch = Stopwatch.StartNew();
        using var response = await Send(token);
        watch.Stop();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(watch.ElapsedMilliseconds >= 400, $"answered after {watch.ElapsedMilliseconds} ms");
        Assert.Equal("latency", _sandbox.Control.GetRequests().Single(r => r.Route == RouteNames.SendMail).Fault);
    }

    [Fact]
    public async Task A_token_expired_fault_answers_401_for_the_next_requests_only()
    {
        var token = await Token();
        _sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.TokenExpired, Count = 2 });

        using var first = await Send(token);
        using var second = await Send(token);
        using var third = await Send(token);

        Assert.Equal("Lifetime validation failed, the token is expired.", await SandboxGraphRequests.AssertGraphErrorAsync(first, 401, "InvalidAuthenticationToken"));
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, third.StatusCode);
    }

    [Fact]
    public async Task Ratio_faults_repeat_the_same_sequence_from_the_same_seed()
    {
        var token = await Token();

        async Task<string> RunAsync()
        {
            _sandbox.Control.ClearFaults(randomSeed: 42);
            _sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.Unavailable, Ratio = 0.5 });
            var statuses = "";
            for (var i = 0; i < 16; i++)
            {
                using var response = await Send(token);
                statuses += (int)response.StatusCode == 503 ? "x" : ".";
            }

            return statuses;
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.Contains("x", first);
        Assert.Contains(".", first);
    }

    [Fact]
    public async Task Msal_retries_a_token_503_without_Retry_After_once()
    {
        _sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.Token, Kind = FaultKind.Unavailable });

        var result = await _sandbox.SenderApp().AcquireTokenForClient([SandboxMsal.GraphScope]).ExecuteAsync();

        Assert.False(string.IsNullOrEmpty(result.AccessToken));
        Assert.Equal([503, 200], _sandbox.Control.GetRequests().Where(r => r.Route == RouteNames.Token).Select(r => r.Status));
    }

    [Fact]
    public void Faults_name_a_known_route_and_one_of_count_or_ratio()
    {
        Assert.Throws<ArgumentException>(() => _sandbox.Control.AddFault(new FaultSpec { Route = "nope", Kind = FaultKind.Throttle }));
        Assert.Throws<ArgumentException>(() => _sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.Throttle, Count = 1, Ratio = 0.5 }));
        Assert.Throws<ArgumentException>(() => _sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.Token, Kind = FaultKind.TokenExpired }));
        Assert.Empty(_sandbox.Control.GetFaults());
    }

    private static string SandboxJsonName(FaultKind kind) => char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..];

    private async Task<string> Token() => await _sandbox.TokenAsync(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);

    private Task<HttpResponseMessage> Send(string token) => SandboxGraphRequests.SendMailAsync(_sandbox, token, SandboxDefaults.Noreply, SandboxGraphRequests.SendMailBody());
}
