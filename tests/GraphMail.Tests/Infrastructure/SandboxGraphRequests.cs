using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace GraphMail.Tests.Infrastructure;

/// <summary>Raw Graph calls to the sandbox, for exact status codes, headers and error envelopes.</summary>
internal static class SandboxGraphRequests
{
    internal const string GraphErrorContentType = "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";

    internal static Task<HttpResponseMessage> SendAsync(SandboxFixture sandbox, HttpMethod method, string path, string? token, string? json = null, string? clientRequestId = null) =>
        SendAsync(sandbox.Http, method, path, token, json, clientRequestId);

    /// <summary>A Graph call through a client whose BaseAddress is a sandbox origin.</summary>
    internal static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? token, string? json = null, string? clientRequestId = null)
    {
        using var request = new HttpRequestMessage(method, "v1.0/" + path.TrimStart('/'));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (clientRequestId is not null)
        {
            request.Headers.Add("client-request-id", clientRequestId);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request);
    }

    internal static Task<HttpResponseMessage> SendMailAsync(SandboxFixture sandbox, string token, string mailbox, string json, string? clientRequestId = null) =>
        SendMailAsync(sandbox.Http, token, mailbox, json, clientRequestId);

    internal static Task<HttpResponseMessage> SendMailAsync(HttpClient http, string token, string mailbox, string json, string? clientRequestId = null) =>
        SendAsync(http, HttpMethod.Post, $"users/{mailbox}/sendMail", token, json, clientRequestId);

    /// <summary>A minimal valid sendMail body (camelCase, as the docs write it).</summary>
    internal static string SendMailBody(string to = "someone@example.com", string subject = "Hello", string extraMessageProperties = "") =>
        "{\"message\":{\"subject\":\"" + subject + "\",\"body\":{\"contentType\":\"Text\",\"content\":\"Hi\"}," +
        "\"toRecipients\":[{\"emailAddress\":{\"address\":\"" + to + "\"}}]" + extraMessageProperties + "},\"saveToSentItems\":false}";

    /// <summary>Asserts Graph's error envelope, its headers and content type; returns the error code's message.</summary>
    internal static async Task<string> AssertGraphErrorAsync(HttpResponseMessage response, int status, string code, string? clientRequestId = null)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(GraphErrorContentType, response.Content.Headers.ContentType!.ToString());
        var requestId = response.Headers.GetValues("request-id").Single();
        Assert.True(Guid.TryParse(requestId, out _));
        Assert.Equal(clientRequestId ?? requestId, response.Headers.GetValues("client-request-id").Single());
        Assert.Contains("ServerInfo", response.Headers.GetValues("x-ms-ags-diagnostic").Single());
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        var inner = error.GetProperty("innerError");
        Assert.Equal(requestId, inner.GetProperty("request-id").GetString());
        Assert.Equal(clientRequestId ?? requestId, inner.GetProperty("client-request-id").GetString());
        Assert.True(DateTime.TryParse(inner.GetProperty("date").GetString(), out _));
        return error.GetProperty("message").GetString()!;
    }
}
