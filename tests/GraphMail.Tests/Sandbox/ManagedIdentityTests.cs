using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using GraphMail.Sandbox.Routing;
using GraphMail.Tests.Infrastructure;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace GraphMail.Tests.Sandbox;

[Collection(ManagedIdentityCollection.Name)]
public sealed class ManagedIdentityTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public ManagedIdentityTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public async Task Msal_app_service_source_gets_a_system_assigned_token_from_the_sandbox()
    {
        using var environment = SandboxManagedIdentityEnvironment.AppService(_sandbox.Server);
        var app = SandboxManagedIdentityEnvironment.CreateApplication(_sandbox.Server, ManagedIdentityId.SystemAssigned);

        var result = await app.AcquireTokenForManagedIdentity("https://graph.microsoft.com").WithForceRefresh(true).ExecuteAsync();

        var claims = SandboxJwt.Payload(result.AccessToken);
        Assert.Equal(SandboxDefaults.SystemAssignedClientId, claims.GetProperty("appid").GetString());
        Assert.Equal(SandboxDefaults.SystemAssignedObjectId, claims.GetProperty("oid").GetString());
        Assert.Equal(["Mail.Send"], claims.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var request = Assert.Single(_sandbox.Control.GetRequests(), r => r.Route == RouteNames.ManagedIdentity);
        Assert.Equal(200, request.Status);
        Assert.StartsWith("/msi/token?", request.Path);
        Assert.Contains("api-version=2019-08-01", request.Path);
    }

    [Theory]
    [InlineData("client")]
    [InlineData("object")]
    [InlineData("resource")]
    public async Task Msal_app_service_source_gets_a_user_assigned_token_by_any_id(string idKind)
    {
        using var environment = SandboxManagedIdentityEnvironment.AppService(_sandbox.Server);
        var id = idKind switch
        {
            "client" => ManagedIdentityId.WithUserAssignedClientId(SandboxDefaults.UserAssignedClientId),
            "object" => ManagedIdentityId.WithUserAssignedObjectId(SandboxDefaults.UserAssignedObjectId),
            _ => ManagedIdentityId.WithUserAssignedResourceId(SandboxDefaults.UserAssignedResourceId),
        };
        var app = SandboxManagedIdentityEnvironment.CreateApplication(_sandbox.Server, id);

        var result = await app.AcquireTokenForManagedIdentity("https://graph.microsoft.com").WithForceRefresh(true).ExecuteAsync();

        Assert.Equal(SandboxDefaults.UserAssignedClientId, SandboxJwt.Payload(result.AccessToken).GetProperty("appid").GetString());
    }

    [Fact]
    public async Task Msal_imds_source_reaches_the_sandbox_through_AZURE_POD_IDENTITY_AUTHORITY_HOST()
    {
        using var environment = SandboxManagedIdentityEnvironment.Imds(_sandbox.Server);
        var app = SandboxManagedIdentityEnvironment.CreateApplication(_sandbox.Server,
            ManagedIdentityId.WithUserAssignedClientId(SandboxDefaults.UserAssignedClientId));

        var result = await app.AcquireTokenForManagedIdentity("https://graph.microsoft.com").WithForceRefresh(true).ExecuteAsync();

        Assert.Equal(SandboxDefaults.UserAssignedClientId, SandboxJwt.Payload(result.AccessToken).GetProperty("appid").GetString());
        var request = Assert.Single(_sandbox.Control.GetRequests(), r => r.Route == RouteNames.ManagedIdentity);
        Assert.StartsWith("/metadata/identity/oauth2/token?", request.Path);
        Assert.Contains("api-version=2018-02-01", request.Path);
    }

    [Fact]
    public async Task Msal_reports_an_unknown_user_assigned_identity()
    {
        using var environment = SandboxManagedIdentityEnvironment.AppService(_sandbox.Server);
        var app = SandboxManagedIdentityEnvironment.CreateApplication(_sandbox.Server,
            ManagedIdentityId.WithUserAssignedClientId("99999999-9999-9999-9999-999999999999"));

        var error = await Assert.ThrowsAsync<MsalServiceException>(() => app.AcquireTokenForManagedIdentity("https://graph.microsoft.com").WithForceRefresh(true).ExecuteAsync());

        Assert.Contains("No managed identity was found", error.Message);
    }

    [Fact]
    public async Task App_service_endpoint_answers_with_string_typed_numbers()
    {
        var (response, body) = await SendAsync(HttpMethod.Get, "msi/token?api-version=2019-08-01&resource=https://graph.microsoft.com",
            ("X-IDENTITY-HEADER", _sandbox.Server.ConnectionInfo.ManagedIdentity.IdentityHeader));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.String, body.GetProperty("expires_on").ValueKind);
        Assert.True(long.Parse(body.GetProperty("expires_on").GetString()!) > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal("https://graph.microsoft.com", body.GetProperty("resource").GetString());
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(SandboxDefaults.SystemAssignedClientId, body.GetProperty("client_id").GetString());
    }

    [Fact]
    public async Task Automation_style_post_form_without_api_version_is_accepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "msi/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["resource"] = "https://graph.microsoft.com/" }),
        };
        request.Headers.Add("X-IDENTITY-HEADER", _sandbox.Server.ConnectionInfo.ManagedIdentity.IdentityHeader);
        request.Headers.Add("Metadata", "True");

        using var response = await _sandbox.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Imds_endpoint_answers_every_number_as_a_string()
    {
        var (response, body) = await SendAsync(HttpMethod.Get,
            $"metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://graph.microsoft.com&msi_res_id={Uri.EscapeDataString(SandboxDefaults.UserAssignedResourceId)}",
            ("Metadata", "true"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var name in new[] { "expires_in", "expires_on", "not_before", "ext_expires_in" })
        {
            Assert.Equal(JsonValueKind.String, body.GetProperty(name).ValueKind);
        }

        Assert.Equal("", body.GetProperty("refresh_token").GetString());
        Assert.Equal(SandboxDefaults.UserAssignedClientId, body.GetProperty("client_id").GetString());
    }

    public static TheoryData<string, string?, string?, int, string> ErrorCases => new()
    {
        { "msi/token?api-version=2019-08-01&resource=https://graph.microsoft.com", null, null, 400, "X-IDENTITY-HEADER" },
        { "msi/token?api-version=2019-08-01&resource=https://graph.microsoft.com", "X-IDENTITY-HEADER", "wrong", 401, "does not match" },
        { "msi/token?api-version=2019-08-01&resource=https://graph.microsoft.com&client_id=99999999-9999-9999-9999-999999999999", "X-IDENTITY-HEADER", "<secret>", 400, "No managed identity was found" },
        { "metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://graph.microsoft.com", null, null, 400, "Required metadata header not specified" },
        { "metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://graph.microsoft.com&client_id=99999999-9999-9999-9999-999999999999", "Metadata", "true", 400, "Identity not found" },
        { "metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://vault.azure.net", "Metadata", "true", 400, "AADSTS500011" },
    };

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public async Task Managed_identity_errors_have_the_documented_shapes(string path, string? header, string? value, int status, string text)
    {
        var headers = header is null ? [] : new[] { (header, value == "<secret>" ? _sandbox.Server.ConnectionInfo.ManagedIdentity.IdentityHeader : value!) };

        var (response, body) = await SendAsync(HttpMethod.Get, path, headers);

        Assert.Equal(status, (int)response.StatusCode);
        var message = body.TryGetProperty("message", out var m) ? m.GetString() : body.GetProperty("error_description").GetString();
        Assert.Contains(text, message);
    }

    private async Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(HttpMethod method, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        var response = await _sandbox.Http.SendAsync(request);
        return (response, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
