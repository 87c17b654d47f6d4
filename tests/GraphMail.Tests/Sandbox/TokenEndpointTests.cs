using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using GraphMail.Sandbox.Routing;
using GraphMail.Tests.Infrastructure;
using Microsoft.Identity.Client;

namespace GraphMail.Tests.Sandbox;

public sealed class TokenEndpointTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public TokenEndpointTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public async Task Msal_with_a_client_secret_gets_a_v1_graph_app_token()
    {
        var result = await _sandbox.SenderApp().AcquireTokenForClient([SandboxMsal.GraphScope]).ExecuteAsync();

        var header = SandboxJwt.Header(result.AccessToken);
        var claims = SandboxJwt.Payload(result.AccessToken);
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Equal(header.GetProperty("kid").GetString(), header.GetProperty("x5t").GetString());
        Assert.Equal("https://graph.microsoft.com", claims.GetProperty("aud").GetString());
        Assert.Equal($"https://sts.windows.net/{SandboxDefaults.TenantId}/", claims.GetProperty("iss").GetString());
        Assert.Equal(SandboxDefaults.SenderAppId, claims.GetProperty("appid").GetString());
        Assert.Equal("1", claims.GetProperty("appidacr").GetString());
        Assert.Equal("app", claims.GetProperty("idtyp").GetString());
        Assert.Equal(SandboxDefaults.SenderObjectId, claims.GetProperty("oid").GetString());
        Assert.Equal(SandboxDefaults.SenderObjectId, claims.GetProperty("sub").GetString());
        Assert.Equal(SandboxDefaults.TenantId, claims.GetProperty("tid").GetString());
        Assert.Equal("1.0", claims.GetProperty("ver").GetString());
        Assert.Equal(["Mail.Send"], claims.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(string.IsNullOrEmpty(claims.GetProperty("uti").GetString()));
        Assert.InRange(result.ExpiresOn - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(50), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public async Task Msal_with_a_certificate_sends_a_PS256_assertion_the_sandbox_verifies()
    {
        using var certificate = SandboxDefaults.LoadAppCertificate();
        var app = SandboxMsal.WithCertificate(_sandbox.Server, SandboxDefaults.SenderAppId, certificate);

        var result = await app.AcquireTokenForClient([SandboxMsal.GraphScope]).ExecuteAsync();

        Assert.Equal("2", SandboxJwt.Payload(result.AccessToken).GetProperty("appidacr").GetString());
    }

    [Fact]
    public async Task An_RS256_assertion_with_x5t_and_string_dates_addressed_to_the_tenant_guid_url_is_accepted()
    {
        using var certificate = SandboxDefaults.LoadAppCertificate();
        var audience = $"{_sandbox.Server.AuthorityBaseUri}{SandboxDefaults.TenantId}/oauth2/v2.0/token";
        var assertion = SandboxJwt.ClientAssertion(certificate, SandboxDefaults.SenderAppId, audience, "RS256", datesAsStrings: true);
        var app = SandboxMsal.Builder(_sandbox.Server, SandboxDefaults.SenderAppId).WithClientAssertion((AssertionRequestOptions _) => Task.FromResult(assertion)).Build();

        var result = await app.AcquireTokenForClient([SandboxMsal.GraphScope]).ExecuteAsync();

        Assert.Equal("2", SandboxJwt.Payload(result.AccessToken).GetProperty("appidacr").GetString());
    }

    [Fact]
    public async Task Http_basic_client_authentication_is_accepted()
    {
        var form = new Dictionary<string, string> { ["scope"] = SandboxMsal.GraphScope, ["grant_type"] = "client_credentials" };
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{SandboxDefaults.SenderAppId}:{Uri.EscapeDataString(SandboxDefaults.SenderSecret)}"));

        var (response, body) = await TokenRequests.PostAsync(_sandbox, form, headers: new Dictionary<string, string> { ["Authorization"] = "Basic " + basic });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(3599, body.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task An_app_nobody_consented_to_gets_a_token_without_roles_oid_or_sub()
    {
        var token = await _sandbox.TokenAsync(SandboxDefaults.UnconsentedAppId, SandboxDefaults.UnconsentedSecret);

        var claims = SandboxJwt.Payload(token);
        Assert.Equal(SandboxDefaults.UnconsentedAppId, claims.GetProperty("appid").GetString());
        Assert.False(claims.TryGetProperty("roles", out _));
        Assert.False(claims.TryGetProperty("oid", out _));
        Assert.False(claims.TryGetProperty("sub", out _));
    }

    public static TheoryData<string, string, string, string, int, string, string> ErrorCases => new()
    {
        { "nosuchtenant.com", SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret, SandboxMsal.GraphScope, 400, "invalid_request", "AADSTS90002: Tenant 'nosuchtenant.com' not found." },
        { SandboxDefaults.OtherTenantDomain, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret, SandboxMsal.GraphScope, 400, "unauthorized_client", $"AADSTS700016: Application with identifier '{SandboxDefaults.SenderAppId}' was not found in the directory 'Fabrikam'." },
        { SandboxDefaults.TenantDomain, "11111111-2222-3333-4444-555555555555", "x", SandboxMsal.GraphScope, 400, "unauthorized_client", "AADSTS700016: Application with identifier '11111111-2222-3333-4444-555555555555'" },
        { SandboxDefaults.TenantDomain, SandboxDefaults.SenderAppId, "wrong", SandboxMsal.GraphScope, 401, "invalid_client", $"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{SandboxDefaults.SenderAppId}'." },
        { SandboxDefaults.TenantDomain, SandboxDefaults.ExpiredAppId, SandboxDefaults.ExpiredSecret, SandboxMsal.GraphScope, 401, "invalid_client", $"AADSTS7000222: The provided client secret keys for app '{SandboxDefaults.ExpiredAppId}' are expired." },
        { SandboxDefaults.TenantDomain, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret, "https://graph.microsoft.com/Mail.Send", 400, "invalid_scope", "AADSTS1002012: The provided value for scope https://graph.microsoft.com/Mail.Send is not valid. Client credential flows must have a scope value with /.default suffixed" },
        { SandboxDefaults.TenantDomain, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret, "https://outlook.office365.com/.default", 400, "invalid_scope", "AADSTS70011: The provided value for the input parameter 'scope' is not valid." },
        { SandboxDefaults.TenantDomain, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret, "https://graph.microsoft.com/.default https://outlook.office365.com/.default", 400, "invalid_scope", "AADSTS70011:" },
    };

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public async Task Token_errors_carry_the_full_Entra_envelope(string tenant, string clientId, string secret, string scope, int status, string error, string descriptionStart)
    {
        var clientRequestId = Guid.NewGuid().ToString();
        var (response, body) = await TokenRequests.PostAsync(_sandbox, TokenRequests.SecretForm(clientId, secret, scope), tenant,
            new Dictionary<string, string> { ["client-request-id"] = clientRequestId, ["return-client-request-id"] = "true" });

        Assert.Equal(status, (int)response.StatusCode);
        AssertEntraError(response, body, error, descriptionStart, clientRequestId);
    }

    [Fact]
    public async Task A_request_without_secret_or_assertion_is_AADSTS7000218()
    {
        var form = new Dictionary<string, string> { ["client_id"] = SandboxDefaults.SenderAppId, ["scope"] = SandboxMsal.GraphScope, ["grant_type"] = "client_credentials" };

        var (response, body) = await TokenRequests.PostAsync(_sandbox, form);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertEntraError(response, body, "invalid_client", "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.", null);
    }

    [Fact]
    public async Task The_client_request_id_is_echoed_only_when_asked()
    {
        var clientRequestId = Guid.NewGuid().ToString();
        var form = TokenRequests.SecretForm(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);

        var (silent, _) = await TokenRequests.PostAsync(_sandbox, form, headers: new Dictionary<string, string> { ["client-request-id"] = clientRequestId });
        var (echoed, _) = await TokenRequests.PostAsync(_sandbox, form,
            headers: new Dictionary<string, string> { ["client-request-id"] = clientRequestId, ["return-client-request-id"] = "true" });

        Assert.False(silent.Headers.Contains("client-request-id"));
        Assert.Equal(clientRequestId, echoed.Headers.GetValues("client-request-id").Single());
        Assert.Contains("no-store", echoed.Headers.CacheControl!.ToString());
    }

    public static TheoryData<string, string> SignatureFailures => new()
    {
        { "unregistered certificate", "The key was not found." },
        { "expired key credential", "The key used is expired." },
        { "HS256", "Unsupported asymmetric signing algorithm." },
        { "tampered signature", "The provided signature value did not match the expected signature value." },
    };

    [Theory]
    [MemberData(nameof(SignatureFailures))]
    public async Task Bad_client_assertions_are_AADSTS700027_with_the_reason(string variant, string reason)
    {
        using var registered = SandboxDefaults.LoadAppCertificate();
        using var unregistered = NewCertificate();
        var clientId = variant == "expired key credential" ? SandboxDefaults.ExpiredAppId : SandboxDefaults.SenderAppId;
        var assertion = SandboxJwt.ClientAssertion(variant == "unregistered certificate" ? unregistered : registered, clientId, TokenUrl());
        assertion = variant switch
        {
            "HS256" => SandboxJwt.Base64Url(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")) + assertion[assertion.IndexOf('.')..],
            "tampered signature" => assertion[..^6] + (assertion[^6] == 'A' ? "BBBBBB" : "AAAAAA"),
            _ => assertion,
        };

        var (response, body) = await TokenRequests.PostAsync(_sandbox, TokenRequests.AssertionForm(clientId, assertion));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertEntraError(response, body, "invalid_client", $"AADSTS700027: Client assertion contains an invalid signature. [Reason - {reason}", null);
    }

    [Fact]
    public async Task An_assertion_for_another_audience_issuer_or_time_is_refused()
    {
        using var certificate = SandboxDefaults.LoadAppCertificate();
        var app = SandboxDefaults.SenderAppId;

        var wrongAudience = await TokenRequests.PostAsync(_sandbox, TokenRequests.AssertionForm(app,
            SandboxJwt.ClientAssertion(certificate, app, "https://login.microsoftonline.com/contoso.com/oauth2/v2.0/token")));
        var wrongIssuer = await TokenRequests.PostAsync(_sandbox, TokenRequests.AssertionForm(app,
            SandboxJwt.ClientAssertion(certificate, app, TokenUrl(), issuer: SandboxDefaults.UnscopedAppId)));
        var expired = await TokenRequests.PostAsync(_sandbox, TokenRequests.AssertionForm(app,
            SandboxJwt.ClientAssertion(certificate, app, TokenUrl(), notBefore: DateTimeOffset.UtcNow.AddHours(-2), expires: DateTimeOffset.UtcNow.AddHours(-1))));

        Assert.StartsWith("AADSTS700023:", wrongAudience.Body.GetProperty("error_description").GetString());
        Assert.StartsWith("AADSTS700021:", wrongIssuer.Body.GetProperty("error_description").GetString());
        Assert.StartsWith("AADSTS700024: Client assertion is not within its valid time range.", expired.Body.GetProperty("error_description").GetString());
        Assert.All(new[] { wrongAudience, wrongIssuer, expired }, r => Assert.Equal(HttpStatusCode.Unauthorized, r.Response.StatusCode));
    }

    [Fact]
    public async Task Msal_reports_a_bad_secret_as_invalid_client_without_retrying()
    {
        var app = SandboxMsal.WithSecret(_sandbox.Server, SandboxDefaults.SenderAppId, "not-the-secret");

        var error = await Assert.ThrowsAsync<MsalServiceException>(() => app.AcquireTokenForClient([SandboxMsal.GraphScope]).ExecuteAsync());

        Assert.Equal("invalid_client", error.ErrorCode);
        Assert.Equal(401, error.StatusCode);
        Assert.Contains("AADSTS7000215", error.Message);
        Assert.Single(_sandbox.Control.GetRequests(), r => r.Route == RouteNames.Token);
    }

    [Fact]
    public async Task The_secret_never_reaches_the_request_log()
    {
        await _sandbox.SenderApp().AcquireTokenForClient([SandboxMsal.GraphScope]).ExecuteAsync();

        var logged = JsonSerializer.Serialize(_sandbox.Control.GetRequests());
        Assert.Contains(RouteNames.Token, logged);
        Assert.DoesNotContain(SandboxDefaults.SenderSecret, logged);
    }

    private string TokenUrl() => $"{_sandbox.Server.AuthorityBaseUri}{SandboxDefaults.TenantDomain}/oauth2/v2.0/token";

    private static X509Certificate2 NewCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=not registered", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
    }

    internal static void AssertEntraError(HttpResponseMessage response, JsonElement body, string error, string descriptionStart, string? clientRequestId)
    {
        var traceId = response.Headers.GetValues("x-ms-request-id").Single();
        var description = body.GetProperty("error_description").GetString()!;
        var code = int.Parse(descriptionStart["AADSTS".Length..descriptionStart.IndexOf(':')]);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.StartsWith(descriptionStart, description);
        Assert.Contains($"\r\nTrace ID: {traceId}\r\nCorrelation ID: {body.GetProperty("correlation_id").GetString()}\r\nTimestamp: {body.GetProperty("timestamp").GetString()}", description);
        Assert.Equal([code], body.GetProperty("error_codes").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(traceId, body.GetProperty("trace_id").GetString());
        Assert.Equal($"https://login.microsoftonline.com/error?code={code}", body.GetProperty("error_uri").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$", body.GetProperty("timestamp").GetString());
        if (clientRequestId is not null)
        {
            Assert.Equal(clientRequestId, body.GetProperty("correlation_id").GetString());
            Assert.Equal(clientRequestId, response.Headers.GetValues("client-request-id").Single());
        }

        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        Assert.Contains("no-cache", response.Headers.CacheControl!.ToString());
        Assert.Null(response.Headers.RetryAfter);
        Assert.Equal(new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }.MediaType, response.Content.Headers.ContentType!.MediaType);
    }
}
