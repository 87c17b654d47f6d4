using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Transport;

namespace GraphMail.Engine.SandboxHosting.Control;

/// <summary>
/// The sandbox's control API (/_sandbox): what it recorded, its faults, settings and reset. Trusts the sandbox's
/// certificate by its pin and sends nothing off loopback.
/// </summary>
public sealed class SandboxControlClient : IDisposable
{
    private readonly HttpClient _http;

    public SandboxControlClient(SandboxEndpoint endpoint)
    {
        var control = endpoint.ControlBaseUri ?? throw new GraphMailException(ErrorIds.InvalidSandboxEndpoint, GraphMailErrorKind.InvalidArgument,
            "The sandbox endpoint names no control API ('control' in its ready line).", "Pass the ready line of a GraphMail.Sandbox that came with this GraphMail version.");
        _http = new HttpClient(new LoopbackOnlyHandler(HttpTransport.CreateHandler(endpoint)))
        {
            BaseAddress = new Uri(control.ToString().TrimEnd('/') + "/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public static SandboxControlClient For(SandboxInstance sandbox) => new(SandboxEndpoint.Parse(sandbox.ReadyLine));

    /// <summary>Recorded messages in the order the sandbox accepted them; only those sent as <paramref name="mailbox"/> when given.</summary>
    public async Task<IReadOnlyList<SandboxMessage>> GetMessagesAsync(string? mailbox, CancellationToken cancellationToken) =>
        RecordedJson.ReadArray(
            await SendAsync(HttpMethod.Get, mailbox is null ? "messages" : "messages?mailbox=" + Uri.EscapeDataString(mailbox), null, cancellationToken).ConfigureAwait(false),
            RecordedJson.Message);

    public Task ClearMessagesAsync(CancellationToken cancellationToken) => SendAsync(HttpMethod.Delete, "messages", null, cancellationToken);

    /// <summary>The request log; only one route's entries when <paramref name="route"/> is given.</summary>
    public async Task<IReadOnlyList<SandboxRequestLogEntry>> GetRequestsAsync(string? route, CancellationToken cancellationToken) =>
        RecordedJson.ReadArray(
            await SendAsync(HttpMethod.Get, route is null ? "requests" : "requests?route=" + Uri.EscapeDataString(route), null, cancellationToken).ConfigureAwait(false),
            RecordedJson.Request);

    public async Task<IReadOnlyList<SandboxDraft>> GetDraftsAsync(CancellationToken cancellationToken) =>
        RecordedJson.ReadArray(await SendAsync(HttpMethod.Get, "drafts", null, cancellationToken).ConfigureAwait(false), RecordedJson.Draft);

    public Task AddFaultAsync(SandboxFault fault, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "faults", fault.ToJsonObject(), cancellationToken);

    public Task ClearFaultsAsync(CancellationToken cancellationToken) => SendAsync(HttpMethod.Delete, "faults", null, cancellationToken);

    /// <summary>Changes the named settings (camelCase names as in docs/sandbox.md, e.g. latencyMs) and leaves the rest.</summary>
    public Task UpdateSettingsAsync(IReadOnlyDictionary<string, object> changes, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, "settings", changes, cancellationToken);

    /// <summary>No messages, drafts, uploads, requests or faults; settings from the seed.</summary>
    public Task ResetAsync(CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, "reset", null, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<string> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return response.IsSuccessStatusCode ? text : throw ControlFailures.Refused(method, path, (int)response.StatusCode, text);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw ControlFailures.Unreachable(_http.BaseAddress!, e);
        }
    }
}
