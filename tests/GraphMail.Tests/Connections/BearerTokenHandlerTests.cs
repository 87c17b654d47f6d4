using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections.Tokens;
using GraphMail.Engine.Transport;
using GraphMail.Tests.Connections.Support;

namespace GraphMail.Tests.Connections;

public sealed class BearerTokenHandlerTests
{
    private static readonly Uri Graph = new("https://graph.microsoft.com/v1.0");

    [Fact]
    public async Task TheTokenGoesToGraphOnlyAndNeverElsewhere()
    {
        var transport = new RecordingHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK));
        using var client = Client(new FakeTokenSource(), transport);

        using var toGraph = await client.GetAsync("https://graph.microsoft.com/v1.0/users/x");
        var elsewhere = new HttpRequestMessage(HttpMethod.Put, "https://outlook.office.com/api/v2.0/upload?authtoken=x");
        elsewhere.Headers.Authorization = new("Bearer", "smuggled");
        using var toUpload = await client.SendAsync(elsewhere);
        using var toOtherPort = await client.GetAsync("https://graph.microsoft.com:8443/v1.0/users/x");

        var sent = transport.Sent.ToArray();
        Assert.Equal("Bearer token-1", sent[0].Authorization);
        Assert.Null(sent[1].Authorization);
        Assert.Null(sent[2].Authorization);
    }

    [Fact]
    public async Task AnExpiredTokenIsRenewedOnceAndTheRequestSentAgainWithItsBody()
    {
        var transport = new RecordingHandler((_, n) => n == 1 ? Rejected() : new HttpResponseMessage(HttpStatusCode.Accepted));
        var tokens = new FakeTokenSource();
        using var client = Client(tokens, transport);

        using var response = await client.PostAsync("https://graph.microsoft.com/v1.0/users/x/sendMail", new StringContent("{\"message\":{}}"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, tokens.Forced);
        var sent = transport.Sent.ToArray();
        Assert.Equal(["Bearer token-1", "Bearer token-2"], sent.Select(s => s.Authorization));
        Assert.Equal(["{\"message\":{}}", "{\"message\":{}}"], sent.Select(s => s.Body));
    }

    [Fact]
    public async Task ASecondRejectionIsReturnedNotRetriedAgain()
    {
        var transport = new RecordingHandler((_, _) => Rejected());
        var tokens = new FakeTokenSource();
        using var client = Client(tokens, transport);

        using var response = await client.GetAsync("https://graph.microsoft.com/v1.0/users/x");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, transport.Sent.Count);
        Assert.Equal(1, tokens.Forced);
        Assert.Contains("InvalidAuthenticationToken", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "{\"error\":{\"code\":\"NoPermissionsInAccessToken\"}}")]
    [InlineData(HttpStatusCode.Forbidden, "{\"error\":{\"code\":\"ErrorAccessDenied\"}}")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "")]
    public async Task OtherRefusalsAreNotTokenProblems(HttpStatusCode status, string body)
    {
        var transport = new RecordingHandler((_, _) => new HttpResponseMessage(status) { Content = new StringContent(body) });
        var tokens = new FakeTokenSource();
        using var client = Client(tokens, transport);

        using var response = await client.GetAsync("https://graph.microsoft.com/v1.0/users/x");

        Assert.Equal(status, response.StatusCode);
        Assert.Single(transport.Sent);
        Assert.Equal(0, tokens.Forced);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AChallengeNamingInvalidTokenAlsoCounts()
    {
        var transport = new RecordingHandler((_, n) =>
        {
            var response = new HttpResponseMessage(n == 1 ? HttpStatusCode.Unauthorized : HttpStatusCode.OK);
            response.Headers.WwwAuthenticate.ParseAdd("Bearer error=\"invalid_token\", error_description=\"expired\"");
            return response;
        });
        var tokens = new FakeTokenSource();
        using var client = Client(tokens, transport);

        using var response = await client.GetAsync("https://graph.microsoft.com/v1.0/users/x");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, tokens.Forced);
    }

    [Fact]
    public async Task ManyRequestsRejectedAtOnceShareOneRenewal()
    {
        var tokens = new FakeTokenSource { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var allRejected = new CountdownEvent(4);
        var transport = new RecordingHandler((request, _) =>
        {
            if (request.Headers.Authorization?.Parameter == "token-1")
            {
                allRejected.Signal();
                return Rejected();
            }

            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var client = Client(tokens, transport);

        var sends = Enumerable.Range(0, 4).Select(_ => client.GetAsync("https://graph.microsoft.com/v1.0/users/x")).ToList();
        await Task.Run(() => allRejected.Wait(TimeSpan.FromMinutes(1)));
        tokens.Gate.SetResult();
        var responses = await Task.WhenAll(sends);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, tokens.Forced);
        Assert.Equal(4, transport.Sent.Count(s => s.Authorization == "Bearer token-2"));
    }

    [Fact]
    public async Task EachNewTokenIsReportedOnce()
    {
        var tokens = new FakeTokenSource();
        var reported = 0;
        using var connectionTokens = new ConnectionTokens(tokens, _ => Interlocked.Increment(ref reported));

        await connectionTokens.AcquireAsync(false, CancellationToken.None);
        await connectionTokens.AcquireAsync(false, CancellationToken.None);
        await connectionTokens.AcquireAsync(true, CancellationToken.None);

        Assert.Equal(2, reported);
    }

    private static HttpClient Client(FakeTokenSource tokens, HttpMessageHandler transport) =>
        new(new BearerTokenHandler(new ConnectionTokens(tokens, _ => { }), Graph, transport));

    private static HttpResponseMessage Rejected() => new(HttpStatusCode.Unauthorized)
    {
        Content = new StringContent("{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Lifetime validation failed, the token is expired.\"}}"),
    };
}
