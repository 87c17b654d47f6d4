using System;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using GraphMail.Sandbox.Routing;
using GraphMail.Tests.Infrastructure;
using Microsoft.Identity.Client;

namespace GraphMail.Tests.Sandbox;

public sealed class DiscoveryTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public DiscoveryTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Theory]
    [InlineData(SandboxDefaults.TenantId)]
    [InlineData(SandboxDefaults.TenantDomain)]
    [InlineData(SandboxDefaults.TenantInitialDomain)]
    public async Task The_openid_configuration_answers_with_guid_based_urls(string tenant)
    {
        using var response = await _sandbox.Http.GetAsync($"{tenant}/v2.0/.well-known/openid-configuration");
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var authority = $"{_sandbox.Server.Origin.GetLeftPart(UriPartial.Authority)}/{SandboxDefaults.TenantId}";
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{authority}/oauth2/v2.0/token", document.GetProperty("token_endpoint").GetString());
        Assert.Equal($"{authority}/discovery/v2.0/keys", document.GetProperty("jwks_uri").GetString());
        Assert.Equal($"{authority}/v2.0", document.GetProperty("issuer").GetString());
        Assert.Equal("WW", document.GetProperty("tenant_region_scope").GetString());
        Assert.Equal("microsoftonline.com", document.GetProperty("cloud_instance_name").GetString());
        Assert.Equal("graph.microsoft.com", document.GetProperty("msgraph_host").GetString());
        Assert.Contains("private_key_jwt", document.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("max-age=86400, private", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task The_v1_openid_configuration_has_the_sts_issuer()
    {
        var document = JsonDocument.Parse(await _sandbox.Http.GetStringAsync($"{SandboxDefaults.TenantDomain}/.well-known/openid-configuration")).RootElement;

        Assert.Equal($"https://sts.windows.net/{SandboxDefaults.TenantId}/", document.GetProperty("issuer").GetString());
        Assert.EndsWith($"/{SandboxDefaults.TenantId}/oauth2/token", document.GetProperty("token_endpoint").GetString());
    }

    [Fact]
    public async Task An_unknown_tenant_is_400_invalid_tenant()
    {
        using var response = await _sandbox.Http.GetAsync("unknown.example/v2.0/.well-known/openid-configuration");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        TokenEndpointTests.AssertEntraError(response, body, "invalid_tenant", "AADSTS90002: Tenant 'unknown.example' not found.", null);
    }

    [Fact]
    public async Task Issued_tokens_verify_against_the_published_keys()
    {
        var token = await _sandbox.TokenAsync(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);
        var keys = JsonDocument.Parse(await _sandbox.Http.GetStringAsync($"{SandboxDefaults.TenantDomain}/discovery/v2.0/keys")).RootElement.GetProperty("keys");

        var key = Assert.Single(keys.EnumerateArray());
        Assert.Equal(SandboxJwt.Header(token).GetProperty("kid").GetString(), key.GetProperty("kid").GetString());
        using var rsa = RSA.Create(new RSAParameters { Modulus = FromBase64Url(key.GetProperty("n").GetString()!), Exponent = FromBase64Url(key.GetProperty("e").GetString()!) });
        var parts = token.Split('.');
        Assert.True(rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task Msal_with_an_oidc_authority_reads_the_configuration_then_gets_a_token()
    {
        var app = ConfidentialClientApplicationBuilder.Create(SandboxDefaults.SenderAppId)
            .WithOidcAuthority($"{_sandbox.Server.AuthorityBaseUri}{SandboxDefaults.TenantDomain}/v2.0")
            .WithClientSecret(SandboxDefaults.SenderSecret)
            .WithHttpClientFactory(new PinnedMsalHttpClientFactory(_sandbox.Server.CertificateThumbprint))
            .Build();

        var result = await app.AcquireTokenForClient([SandboxMsal.GraphScope]).ExecuteAsync();

        Assert.Equal(SandboxDefaults.SenderAppId, SandboxJwt.Payload(result.AccessToken).GetProperty("appid").GetString());
        Assert.Equal([RouteNames.OpenId, RouteNames.Token], _sandbox.Control.GetRequests().Select(r => r.Route));
        Assert.StartsWith($"/{SandboxDefaults.TenantId}/", _sandbox.Control.GetRequests()[1].Path);
    }

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
