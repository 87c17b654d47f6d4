using System;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Tasks;

namespace GraphMail.Module.Tests.Infrastructure;

/// <summary>
/// The control API of a sandbox that Start-GraphMailSandbox started in another process, for what no cmdlet reads back
/// (its faults). Trusts only that sandbox's certificate, by the SHA-256 pin in its ready line, and only on loopback.
/// </summary>
public sealed class SandboxProcessClient : IDisposable
{
    private readonly HttpClient _http;

    public SandboxProcessClient(string readyLine)
    {
        using var ready = JsonDocument.Parse(readyLine);
        var pin = ready.RootElement.GetProperty("certificateSha256").GetString()!;
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (request, certificate, _, _) =>
                request.RequestUri!.IsLoopback && certificate is not null &&
                Convert.ToHexString(SHA256.HashData(certificate.RawData)).Equals(pin, StringComparison.OrdinalIgnoreCase),
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri(ready.RootElement.GetProperty("control").GetString()!.TrimEnd('/') + "/") };
    }

    /// <summary>GET _sandbox/&lt;path&gt; as JSON.</summary>
    public async Task<JsonElement> GetAsync(string path) =>
        JsonDocument.Parse(await _http.GetStringAsync(path)).RootElement.Clone();

    public void Dispose() => _http.Dispose();
}
