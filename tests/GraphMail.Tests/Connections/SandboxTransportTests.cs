using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Transport;
using GraphMail.Tests.Connections.Support;

namespace GraphMail.Tests.Connections;

/// <summary>How a sandbox connection's MSAL traffic reaches the sandbox: managed-identity requests by style, and loopback only.</summary>
public sealed class SandboxTransportTests
{
    private static readonly SandboxEndpoint Sandbox = SandboxEndpoint.Parse(
        """
        {"authority":"https://127.0.0.1:5123/","graph":"https://127.0.0.1:5123/v1.0","certificateSha256":"ab",
         "managedIdentity":{"identityEndpoint":"https://127.0.0.1:5123/msi/token","identityHeader":"sandbox-header","imdsEndpoint":"https://127.0.0.1:5123/"}}
        """);

    [Fact]
    public async Task AnImdsRequestGoesToTheSandboxImdsEndpointWithItsQuery()
    {
        var (sent, client) = Redirecting();
        var request = new HttpRequestMessage(HttpMethod.Get, "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://graph.microsoft.com&client_id=abc");
        request.Headers.Add("Metadata", "true");

        using var response = await client.SendAsync(request);

        Assert.Equal("https://127.0.0.1:5123/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://graph.microsoft.com&client_id=abc", sent.Sent.Single().Uri!.ToString());
    }

    [Fact]
    public async Task AnAppServiceRequestGoesToTheSandboxIdentityEndpointWithTheSandboxHeader()
    {
        var (sent, client) = Redirecting();
        var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:41000/MSI/token/?api-version=2019-08-01&resource=https://graph.microsoft.com");
        request.Headers.Add("X-IDENTITY-HEADER", "automation-header");

        using var response = await client.SendAsync(request);

        var (uri, _, _, header) = sent.Sent.Single();
        Assert.Equal("https://127.0.0.1:5123/msi/token?api-version=2019-08-01&resource=https://graph.microsoft.com", uri!.ToString());
        Assert.Equal("sandbox-header", header);
    }

    [Fact]
    public async Task TokenEndpointRequestsAreLeftAlone()
    {
        var (sent, client) = Redirecting();

        using var response = await client.PostAsync("https://127.0.0.1:5123/contoso.com/oauth2/v2.0/token", new StringContent("grant_type=client_credentials"));

        Assert.Equal("https://127.0.0.1:5123/contoso.com/oauth2/v2.0/token", sent.Sent.Single().Uri!.ToString());
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/contoso.com/oauth2/v2.0/token")]
    [InlineData("http://169.254.169.254/metadata/identity/oauth2/token")]
    [InlineData("https://graph.microsoft.com/v1.0/users")]
    public async Task ASandboxConnectionSendsNothingOffTheMachine(string url)
    {
        var transport = new RecordingHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK));
        using var client = new HttpClient(new LoopbackOnlyHandler(transport));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(url));

        Assert.Empty(transport.Sent);
        Assert.Contains(new Uri(url).Host, error.Message);
    }

    private static (RecordingHandler Transport, HttpClient Client) Redirecting()
    {
        var transport = new RecordingHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK));
        return (transport, new HttpClient(new SandboxManagedIdentityRedirect(Sandbox, new LoopbackOnlyHandler(transport))));
    }
}
