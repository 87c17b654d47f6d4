using System;
using System.Net.Http;
using System.Threading.Tasks;
using GraphMail.Sandbox;
using GraphMail.Sandbox.Control;
using Microsoft.Identity.Client;

namespace GraphMail.Tests.Infrastructure;

/// <summary>
/// One in-process sandbox with the default seed, for IClassFixture or ICollectionFixture. Tests that share it
/// call <see cref="Reset"/> first (xunit builds the test class per test, so its constructor is the place).
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private SandboxServer? _server;
    private HttpClient? _http;

    public SandboxServer Server => _server ?? throw new InvalidOperationException("The sandbox has not started.");

    public SandboxControl Control => Server.Control;

    /// <summary>A client pinned to the sandbox certificate with BaseAddress = the sandbox origin.</summary>
    public HttpClient Http => _http ?? throw new InvalidOperationException("The sandbox has not started.");

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { RandomSeed = 1234 });
        _http = SandboxTls.CreateClient(_server.CertificateThumbprint, _server.AuthorityBaseUri);
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Reset() => Control.Reset();

    /// <summary>A fresh MSAL client (no cached token) for the default sender app with its secret.</summary>
    internal IConfidentialClientApplication SenderApp() => SandboxMsal.WithSecret(Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);

    /// <summary>An access token for a seeded app, through real MSAL.</summary>
    internal Task<string> TokenAsync(string clientId, string secret, string tenant = SandboxDefaults.TenantDomain) =>
        SandboxMsal.TokenAsync(Server, clientId, secret, tenant);
}
