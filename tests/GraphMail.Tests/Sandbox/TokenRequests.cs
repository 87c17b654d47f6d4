using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Sandbox;

/// <summary>Raw token endpoint calls, for status codes and error envelopes MSAL would hide.</summary>
internal static class TokenRequests
{
    internal static async Task<(HttpResponseMessage Response, JsonElement Body)> PostAsync(
        SandboxFixture sandbox, IDictionary<string, string> form, string tenant = SandboxDefaults.TenantDomain, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{tenant}/oauth2/v2.0/token") { Content = new FormUrlEncodedContent(form) };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await sandbox.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    internal static Dictionary<string, string> SecretForm(string clientId, string secret, string scope = SandboxMsal.GraphScope) => new()
    {
        ["client_id"] = clientId,
        ["client_secret"] = secret,
        ["scope"] = scope,
        ["grant_type"] = "client_credentials",
    };

    internal static Dictionary<string, string> AssertionForm(string clientId, string assertion) => new()
    {
        ["client_id"] = clientId,
        ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        ["client_assertion"] = assertion,
        ["scope"] = SandboxMsal.GraphScope,
        ["grant_type"] = "client_credentials",
    };
}
