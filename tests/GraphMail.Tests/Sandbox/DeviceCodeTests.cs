using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using GraphMail.Sandbox;
using GraphMail.Tests.Infrastructure;
using Microsoft.Identity.Client;

namespace GraphMail.Tests.Sandbox;

/// <summary>The device code endpoint and grant as Entra ID answers them (ED v2-oauth2-device-code, RFC 8628 §3.5), and real MSAL against them.</summary>
public sealed class DeviceCodeTests : IClassFixture<SandboxFixture>
{
    private const string DirectoryScopes = "https://graph.microsoft.com/Application.ReadWrite.All https://graph.microsoft.com/AppRoleAssignment.ReadWrite.All offline_access openid profile";
    private readonly SandboxFixture _sandbox;

    public DeviceCodeTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    [Fact]
    public async Task A_poll_before_approval_is_pending_a_second_inside_the_interval_is_slow_down_and_approval_gives_a_delegated_token()
    {
        var start = await StartAsync();
        Assert.Equal(5, start.GetProperty("interval").GetInt32());
        Assert.Equal(900, start.GetProperty("expires_in").GetInt32());
        var userCode = start.GetProperty("user_code").GetString()!;
        Assert.Contains(userCode, start.GetProperty("message").GetString());
        Assert.EndsWith("/devicelogin", start.GetProperty("verification_uri").GetString());

        var pending = await PollAsync(start);
        Assert.Equal((HttpStatusCode.BadRequest, "authorization_pending"), (pending.Response.StatusCode, pending.Body.GetProperty("error").GetString()));
        Assert.Equal(70016, pending.Body.GetProperty("error_codes")[0].GetInt32());
        var tooSoon = await PollAsync(start);
        Assert.Equal("slow_down", tooSoon.Body.GetProperty("error").GetString());

        Assert.Equal(1, _sandbox.Control.ApproveDeviceCode(SandboxDefaults.Admin, userCode));
        var granted = await PollAsync(start);

        Assert.Equal(HttpStatusCode.OK, granted.Response.StatusCode);
        var claims = SandboxJwt.Payload(granted.Body.GetProperty("access_token").GetString()!);
        Assert.Equal("user", claims.GetProperty("idtyp").GetString());
        Assert.Equal("Application.ReadWrite.All AppRoleAssignment.ReadWrite.All", claims.GetProperty("scp").GetString());
        Assert.Equal(SandboxDefaults.Admin, claims.GetProperty("upn").GetString());
        Assert.Equal(SandboxDefaults.GraphCommandLineToolsId, claims.GetProperty("appid").GetString());
        Assert.Contains("62e90394-69f5-4237-9190-012177145e10", claims.GetProperty("wids").EnumerateArray().Select(w => w.GetString()));
        Assert.False(claims.TryGetProperty("roles", out _));
        Assert.True(granted.Body.TryGetProperty("refresh_token", out _));
        Assert.True(granted.Body.TryGetProperty("id_token", out _));

        var again = await PollAsync(start);
        Assert.Equal("bad_verification_code", again.Body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_declined_sign_in_and_an_expired_code_end_the_polling()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Clock = clock });
        using var http = SandboxTls.CreateClient(server.CertificateThumbprint, server.AuthorityBaseUri);

        var declined = await StartAsync(http);
        server.Control.DeclineDeviceCode(declined.GetProperty("user_code").GetString());
        Assert.Equal("authorization_declined", (await PollAsync(declined, http)).Body.GetProperty("error").GetString());

        var expiring = await StartAsync(http);
        clock.Advance(TimeSpan.FromSeconds(901));
        var expired = await PollAsync(expiring, http);
        Assert.Equal("expired_token", expired.Body.GetProperty("error").GetString());
        Assert.Equal(70019, expired.Body.GetProperty("error_codes")[0].GetInt32());
    }

    [Fact]
    public async Task A_confidential_client_cannot_redeem_a_device_code_and_an_unknown_client_gets_700016()
    {
        var unknown = await StartAsync(clientId: Guid.NewGuid().ToString(), expectOk: false);
        Assert.Equal(700016, unknown.GetProperty("error_codes")[0].GetInt32());

        var confidential = await StartAsync(clientId: SandboxDefaults.SenderAppId);
        _sandbox.Control.ApproveDeviceCode(SandboxDefaults.Admin);
        var poll = await PollAsync(confidential, clientId: SandboxDefaults.SenderAppId);
        Assert.Equal((HttpStatusCode.Unauthorized, 7000218), (poll.Response.StatusCode, poll.Body.GetProperty("error_codes")[0].GetInt32()));
    }

    [Fact]
    public async Task Msal_signs_in_with_the_device_code_when_the_approver_setting_names_the_admin_and_renews_silently()
    {
        _sandbox.Control.UpdateSettings(s => s with { DeviceCodeApprover = SandboxDefaults.Admin });
        var msal = PublicClientApplicationBuilder.Create(SandboxDefaults.GraphCommandLineToolsId)
            .WithAuthority(SandboxMsal.Authority(_sandbox.Server))
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new PinnedMsalHttpClientFactory(_sandbox.Server.CertificateThumbprint))
            .Build();
        string[] scopes = ["https://graph.microsoft.com/Application.ReadWrite.All", "https://graph.microsoft.com/AppRoleAssignment.ReadWrite.All"];
        string? shown = null;

        var result = await msal.AcquireTokenWithDeviceCode(scopes, code =>
        {
            shown = code.Message;
            return Task.CompletedTask;
        }).ExecuteAsync();

        Assert.Contains("/devicelogin", shown);
        Assert.Equal(SandboxDefaults.Admin, result.Account.Username);
        var renewed = await msal.AcquireTokenSilent(scopes, result.Account).WithForceRefresh(true).ExecuteAsync();
        Assert.NotEqual(result.AccessToken, renewed.AccessToken);
        Assert.Contains(_sandbox.Control.GetRequests(), r => r.Route == "token" && r.Status == 200);
    }

    private Task<JsonElement> StartAsync(string clientId = SandboxDefaults.GraphCommandLineToolsId, bool expectOk = true) => StartAsync(_sandbox.Http, clientId, expectOk);

    private static async Task<JsonElement> StartAsync(System.Net.Http.HttpClient http, string clientId = SandboxDefaults.GraphCommandLineToolsId, bool expectOk = true)
    {
        using var response = await http.PostAsync($"{SandboxDefaults.TenantDomain}/oauth2/v2.0/devicecode",
            new System.Net.Http.FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = clientId, ["scope"] = DirectoryScopes }));
        Assert.Equal(expectOk ? HttpStatusCode.OK : HttpStatusCode.BadRequest, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private Task<(System.Net.Http.HttpResponseMessage Response, JsonElement Body)> PollAsync(JsonElement start, string clientId = SandboxDefaults.GraphCommandLineToolsId) =>
        TokenRequests.PostAsync(_sandbox, DeviceCodeForm(start, clientId));

    private static async Task<(System.Net.Http.HttpResponseMessage Response, JsonElement Body)> PollAsync(JsonElement start, System.Net.Http.HttpClient http)
    {
        var response = await http.PostAsync($"{SandboxDefaults.TenantDomain}/oauth2/v2.0/token", new System.Net.Http.FormUrlEncodedContent(DeviceCodeForm(start, SandboxDefaults.GraphCommandLineToolsId)));
        return (response, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static Dictionary<string, string> DeviceCodeForm(JsonElement start, string clientId) => new()
    {
        ["client_id"] = clientId,
        ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code",
        ["device_code"] = start.GetProperty("device_code").GetString()!,
        ["client_info"] = "1",
    };
}
