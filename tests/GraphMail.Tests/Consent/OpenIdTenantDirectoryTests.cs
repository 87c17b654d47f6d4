using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Consent.Discovery;
using GraphMail.Engine.Transport;

namespace GraphMail.Tests.Consent;

/// <summary>Tenant lookup through the OpenID configuration, with a scripted handler (no network) or a closed loopback port.</summary>
public sealed class OpenIdTenantDirectoryTests
{
    private const string Where = "Global (login.microsoftonline.com)";
    private const string TenantId = ConsentSamples.TenantId;
    private static readonly Uri Authority = new("https://login.microsoftonline.com/");

    private static (OpenIdTenantDirectory Directory, ScriptedHandler Handler) With(HttpStatusCode status, string body)
    {
        var handler = new ScriptedHandler((_, _) => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") }));
        return (new OpenIdTenantDirectory(_ => handler, TimeSpan.FromSeconds(30)), handler);
    }

    private static Task<TenantDetails> Find(OpenIdTenantDirectory directory, string tenant = "contoso.com", CancellationToken token = default) =>
        directory.FindAsync(Authority, tenant, Where, null, token);

    [Fact]
    public async Task ReadsTheTenantIdFromTheIssuerAndTheCloudAndRegion()
    {
        var (directory, handler) = With(HttpStatusCode.OK,
            $"{{\"issuer\":\"https://login.microsoftonline.com/{TenantId.ToUpperInvariant()}/v2.0\",\"token_endpoint\":\"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token\",\"tenant_region_scope\":\"EU\",\"cloud_instance_name\":\"microsoftonline.com\"}}");

        var details = await Find(directory);

        Assert.Equal((TenantId, "microsoftonline.com", "EU"), (details.TenantId, details.CloudInstanceName, details.RegionScope));
        Assert.Equal("https://login.microsoftonline.com/contoso.com/v2.0/.well-known/openid-configuration", handler.LastRequest!.RequestUri!.AbsoluteUri);
        Assert.Equal(HttpMethod.Get, handler.LastRequest.Method);
    }

    [Fact]
    public async Task FallsBackToTheTokenEndpointWhenTheIssuerNamesNoTenant()
    {
        var (directory, _) = With(HttpStatusCode.OK, $"{{\"issuer\":\"https://login.microsoftonline.com/{{tenantid}}/v2.0\",\"token_endpoint\":\"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token\"}}");

        var details = await Find(directory);

        Assert.Equal((TenantId, string.Empty, string.Empty), (details.TenantId, details.CloudInstanceName, details.RegionScope));
    }

    [Theory]
    [InlineData("{\"issuer\":\"https://login.microsoftonline.com/contoso.com/v2.0\"}", "names a tenant ID")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("<html>proxy login</html>", "not JSON")]
    public async Task AnUnreadableDocumentIsInvalidData(string body, string why)
    {
        var (directory, _) = With(HttpStatusCode.OK, body);

        var error = await Assert.ThrowsAsync<GraphMailException>(() => Find(directory));

        Assert.Equal((ErrorIds.ConsentTenantLookupFailed, GraphMailErrorKind.InvalidData), (error.ErrorId, error.Kind));
        Assert.Contains(why, error.Message);
        Assert.Contains("-SkipTenantLookup", error.Fix);
    }

    [Fact]
    public async Task AnUnknownTenantSaysSoAndKeepsTheServiceIds()
    {
        var (directory, _) = With(HttpStatusCode.BadRequest,
            "{\"error\":\"invalid_tenant\",\"error_description\":\"AADSTS90002: Tenant 'nosuch.example' not found. Check to make sure you have the correct tenant ID.\\r\\nTrace ID: t-1\\r\\nCorrelation ID: c-1\",\"error_codes\":[90002],\"trace_id\":\"t-1\",\"correlation_id\":\"c-1\"}");

        var error = await Assert.ThrowsAsync<GraphMailException>(() => Find(directory, "nosuch.example"));

        Assert.Equal((ErrorIds.ConsentTenantNotFound, GraphMailErrorKind.ObjectNotFound), (error.ErrorId, error.Kind));
        Assert.StartsWith("Tenant 'nosuch.example' was not found in Global (login.microsoftonline.com); check the spelling or the cloud.", error.Message);
        Assert.Equal(("AADSTS90002", 400, "t-1", "c-1"), (error.ServiceCode, error.HttpStatus, error.RequestId, error.ClientRequestId));
    }

    [Fact]
    public async Task AServerFailureIsResourceUnavailableWithTheStatusAndDescription()
    {
        var (directory, _) = With(HttpStatusCode.ServiceUnavailable, "{\"error\":\"temporarily_unavailable\",\"error_description\":\"AADSTS90006: The service is temporarily unavailable.\\r\\nTrace ID: t\"}");

        var error = await Assert.ThrowsAsync<GraphMailException>(() => Find(directory));

        Assert.Equal((ErrorIds.ConsentTenantLookupFailed, GraphMailErrorKind.ResourceUnavailable), (error.ErrorId, error.Kind));
        Assert.Contains("answered HTTP 503 to the tenant lookup for 'contoso.com': AADSTS90006: The service is temporarily unavailable.", error.Message);
        Assert.DoesNotContain("Trace ID", error.Cause);
    }

    [Fact]
    public async Task AClosedPortIsAConnectionError()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var directory = new OpenIdTenantDirectory(HttpTransport.CreateHandler, TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<GraphMailException>(() => directory.FindAsync(new Uri($"https://127.0.0.1:{port}/"), "contoso.com", "the test", null, default));

        Assert.Equal((ErrorIds.ConsentTenantLookupFailed, GraphMailErrorKind.ConnectionError), (error.ErrorId, error.Kind));
        Assert.Contains($"could not reach the test at https://127.0.0.1:{port}", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task NoAnswerWithinTheTimeoutIsAnOperationTimeout()
    {
        var handler = new ScriptedHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        var directory = new OpenIdTenantDirectory(_ => handler, TimeSpan.FromMilliseconds(50));

        var error = await Assert.ThrowsAsync<GraphMailException>(() => Find(directory));

        Assert.Equal((ErrorIds.ConsentTenantLookupFailed, GraphMailErrorKind.OperationTimeout), (error.ErrorId, error.Kind));
    }

    [Fact]
    public async Task CancellingTheCommandCancelsTheLookupAsSuch()
    {
        using var stop = new CancellationTokenSource();
        var handler = new ScriptedHandler(async (_, token) =>
        {
            stop.Cancel();
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        var directory = new OpenIdTenantDirectory(_ => handler, TimeSpan.FromSeconds(30));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Find(directory, token: stop.Token));
    }

    /// <summary>Answers every request with the given function; keeps the last request.</summary>
    private sealed class ScriptedHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        internal HttpRequestMessage? LastRequest { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            LastRequest = request;
            return answer(request, cancellationToken);
        }
    }
}
