using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Transport;
using GraphMail.Sandbox.Control;
using GraphMail.Sandbox.Faults;

namespace GraphMail.Bench.Sandbox;

/// <summary>The sandbox's control API over HTTPS (docs/sandbox.md), for a sandbox in this process or another.</summary>
public sealed class SandboxControlClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly HttpClient _http;

    public SandboxControlClient(SandboxEndpoint sandbox)
    {
        var control = sandbox.ControlBaseUri ?? throw new ArgumentException("The sandbox's ready line names no control API.", nameof(sandbox));
        _http = new HttpClient(HttpTransport.CreateHandler(sandbox)) { BaseAddress = new Uri(control.AbsoluteUri.TrimEnd('/') + "/") };
    }

    /// <summary>No messages, drafts, requests or faults; the seed's settings.</summary>
    public Task ResetAsync() => SendAsync(HttpMethod.Post, "reset");

    /// <param name="changes">Any subset of the settings, by their JSON names (latencyMs, defaultMaxSendSizeBytes, ...).</param>
    public Task UpdateSettingsAsync(object changes) => SendAsync(HttpMethod.Put, "settings", changes);

    public Task AddFaultAsync(FaultSpec fault) => SendAsync(HttpMethod.Post, "faults", fault);

    /// <summary>Removes every fault and restarts the ratio faults' generator, so a run draws the same faults each time.</summary>
    public Task ClearFaultsAsync(int randomSeed) => SendAsync(HttpMethod.Delete, "faults?randomSeed=" + randomSeed.ToString(CultureInfo.InvariantCulture));

    /// <summary>Forgets recorded messages, the request log and the concurrency peaks.</summary>
    public async Task ClearRecordsAsync()
    {
        await SendAsync(HttpMethod.Delete, "messages").ConfigureAwait(false);
        await SendAsync(HttpMethod.Delete, "requests").ConfigureAwait(false);
        await SendAsync(HttpMethod.Delete, "concurrency").ConfigureAwait(false);
    }

    public Task<List<RecordedMessage>> GetMessagesAsync() => GetAsync<List<RecordedMessage>>("messages");

    public Task<List<RecordedRequest>> GetRequestsAsync(string route) => GetAsync<List<RecordedRequest>>("requests?route=" + Uri.EscapeDataString(route));

    public Task<List<ConcurrencySnapshot>> GetConcurrencyAsync() => GetAsync<List<ConcurrencySnapshot>>("concurrency");

    public void Dispose() => _http.Dispose();

    private async Task<T> GetAsync<T>(string path) =>
        await _http.GetFromJsonAsync<T>(path, Json).ConfigureAwait(false) ?? throw new InvalidOperationException("The sandbox answered null for " + path);

    private async Task SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: Json) };
        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The sandbox refused {method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
        }
    }
}
