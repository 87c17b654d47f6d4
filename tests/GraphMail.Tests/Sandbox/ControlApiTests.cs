using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Routing;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Sandbox;

/// <summary>The /_sandbox HTTP control API, as a standalone user (or a Pester suite) would call it.</summary>
public sealed class ControlApiTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public ControlApiTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public async Task The_root_answers_the_ready_line()
    {
        var json = await _sandbox.Http.GetStringAsync("_sandbox");

        Assert.Equal(_sandbox.Server.ReadyLine, json);
        Assert.Empty(_sandbox.Control.GetRequests());
    }

    [Fact]
    public async Task Messages_can_be_listed_filtered_and_cleared()
    {
        var token = await _sandbox.TokenAsync(SandboxDefaults.UnscopedAppId, SandboxDefaults.UnscopedSecret);
        (await SandboxGraphRequests.SendMailAsync(_sandbox, token, SandboxDefaults.Noreply, SandboxGraphRequests.SendMailBody(subject: "one"))).Dispose();
        (await SandboxGraphRequests.SendMailAsync(_sandbox, token, SandboxDefaults.Admin, SandboxGraphRequests.SendMailBody(subject: "two"))).Dispose();

        var all = await Json("_sandbox/messages");
        var filtered = await Json("_sandbox/messages?mailbox=admin@contoso.com");
        using var cleared = await _sandbox.Http.DeleteAsync("_sandbox/messages");
        var after = await Json("_sandbox/messages");

        Assert.Equal(["one", "two"], all.EnumerateArray().Select(m => m.GetProperty("subject").GetString()).Order());
        Assert.Equal("two", Assert.Single(filtered.EnumerateArray()).GetProperty("subject").GetString());
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty(after.EnumerateArray());
    }

    [Fact]
    public async Task The_request_log_shows_what_reached_the_sandbox_and_can_be_cleared()
    {
        var token = await _sandbox.TokenAsync(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);
        (await SandboxGraphRequests.SendMailAsync(_sandbox, token, SandboxDefaults.Noreply, SandboxGraphRequests.SendMailBody(), "0f6b8f2e-6a3c-4c4e-9a51-8c1d7e2f3a4b")).Dispose();

        var sends = await Json($"_sandbox/requests?route={RouteNames.SendMail}");
        using var cleared = await _sandbox.Http.DeleteAsync("_sandbox/requests");
        var after = await Json("_sandbox/requests");

        var send = Assert.Single(sends.EnumerateArray());
        Assert.Equal("POST", send.GetProperty("method").GetString());
        Assert.Equal("/v1.0/users/noreply@contoso.com/sendMail", send.GetProperty("path").GetString());
        Assert.Equal(202, send.GetProperty("status").GetInt32());
        Assert.Equal(SandboxDefaults.SenderAppId, send.GetProperty("appId").GetString());
        Assert.Equal("0f6b8f2e-6a3c-4c4e-9a51-8c1d7e2f3a4b", send.GetProperty("clientRequestId").GetString());
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty(after.EnumerateArray());
    }

    [Fact]
    public async Task Faults_are_added_listed_and_cleared_over_http()
    {
        using var added = await Post("_sandbox/faults",
            "[{\"route\":\"sendMail\",\"kind\":\"unavailable\",\"count\":2,\"retryAfterSeconds\":3},{\"route\":\"token\",\"kind\":\"latency\",\"ratio\":0.5,\"latencyMs\":10}]");
        var listed = await Json("_sandbox/faults");
        using var invalid = await Post("_sandbox/faults", "{\"route\":\"nowhere\",\"kind\":\"throttle\"}");
        using var cleared = await _sandbox.Http.DeleteAsync("_sandbox/faults");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(["sendMail", "token"], listed.EnumerateArray().Select(f => f.GetProperty("route").GetString()));
        Assert.Equal("unavailable", listed[0].GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("nowhere", await invalid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty(_sandbox.Control.GetFaults());
    }

    [Fact]
    public async Task Settings_take_partial_updates_and_refuse_nonsense()
    {
        using var updated = await Put("_sandbox/settings", "{\"latencyMs\":40,\"concurrencyScope\":\"app\"}");
        var settings = await Json("_sandbox/settings");
        using var unknown = await Put("_sandbox/settings", "{\"noSuchSetting\":1}");
        using var negative = await Put("_sandbox/settings", "{\"concurrentRequests\":0}");

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(40, settings.GetProperty("latencyMs").GetInt32());
        Assert.Equal("app", settings.GetProperty("concurrencyScope").GetString());
        Assert.Equal(4, settings.GetProperty("concurrentRequests").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Equal(40, _sandbox.Control.GetSettings().LatencyMs);
    }

    [Fact]
    public async Task Tokens_can_be_expired_over_http()
    {
        var token = await _sandbox.TokenAsync(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);

        using var expire = await Post("_sandbox/tokens/expire", "");
        using var response = await SandboxGraphRequests.SendMailAsync(_sandbox, token, SandboxDefaults.Noreply, SandboxGraphRequests.SendMailBody());

        Assert.Equal(HttpStatusCode.NoContent, expire.StatusCode);
        Assert.Equal("Lifetime validation failed, the token is expired.", await SandboxGraphRequests.AssertGraphErrorAsync(response, 401, "InvalidAuthenticationToken"));
    }

    [Fact]
    public async Task Drafts_concurrency_seed_and_reset_are_readable()
    {
        var token = await _sandbox.TokenAsync(SandboxDefaults.LargeAttachmentsAppId, SandboxDefaults.LargeAttachmentsSecret);
        (await SandboxGraphRequests.SendAsync(_sandbox, HttpMethod.Post, $"users/{SandboxDefaults.Noreply}/messages", token, "{\"subject\":\"orphan\"}")).Dispose();
        _sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.Throttle });

        var drafts = await Json("_sandbox/drafts");
        var concurrency = await Json("_sandbox/concurrency");
        var seed = await Json("_sandbox/seed");
        using var reset = await Post("_sandbox/reset", "");

        Assert.Equal("orphan", Assert.Single(drafts.EnumerateArray()).GetProperty("subject").GetString());
        Assert.Equal("noreply@contoso.com", Assert.Single(concurrency.EnumerateArray()).GetProperty("mailbox").GetString());
        Assert.Equal(SandboxDefaults.TenantId, seed.GetProperty("tenants")[0].GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Empty(_sandbox.Control.GetDrafts());
        Assert.Empty(_sandbox.Control.GetFaults());
        Assert.Empty(_sandbox.Control.GetRequests());
    }

    private async Task<JsonElement> Json(string path) => JsonDocument.Parse(await _sandbox.Http.GetStringAsync(path)).RootElement.Clone();

    private Task<HttpResponseMessage> Post(string path, string json) =>
        _sandbox.Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private Task<HttpResponseMessage> Put(string path, string json) =>
        _sandbox.Http.PutAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
}
