using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Sandbox.Control;
using GraphMail.Sandbox.Hosting;
using GraphMail.Sandbox.Identity;
using GraphMail.Sandbox.Routing;
using GraphMail.Sandbox.Seed;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GraphMail.Sandbox;

/// <summary>A running sandbox: Entra ID + Graph mail on https://127.0.0.1:PORT. Dispose stops it.</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxState _state;
    private readonly X509Certificate2? _ownedCertificate;
    private int _disposed;

    private SandboxServer(WebApplication app, SandboxState state, X509Certificate2 serverCertificate, bool ownsCertificate, Uri origin, string pemPath)
    {
        _app = app;
        _state = state;
        _ownedCertificate = ownsCertificate ? serverCertificate : null;
        Origin = origin;
        CertificatePemPath = pemPath;
        Certificate = new X509Certificate2(serverCertificate.RawData);
        ConnectionInfo = new SandboxConnectionInfo
        {
            Version = typeof(SandboxServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0",
            Authority = AuthorityBaseUri.ToString(),
            Graph = GraphBaseUri.ToString().TrimEnd('/'),
            Control = ControlBaseUri.ToString().TrimEnd('/'),
            CertificateThumbprint = serverCertificate.Thumbprint,
            CertificateSha256 = ServerCertificate.Sha256Hex(serverCertificate),
            CertificatePem = pemPath,
            ManagedIdentity = new ManagedIdentityEndpointsInfo
            {
                IdentityEndpoint = new Uri(origin, "msi/token").ToString(),
                IdentityHeader = state.IdentityHeader,
                ImdsEndpoint = AuthorityBaseUri.ToString(),
            },
        };
        ReadyLine = JsonSerializer.Serialize(ConnectionInfo, SandboxJson.Options);
    }

    /// <summary>https://127.0.0.1:PORT (no trailing slash).</summary>
    public Uri Origin { get; }

    /// <summary>https://127.0.0.1:PORT/ — append the tenant for an MSAL authority.</summary>
    public Uri AuthorityBaseUri => new(Origin, "/");

    /// <summary>https://127.0.0.1:PORT/v1.0</summary>
    public Uri GraphBaseUri => new(Origin, "/v1.0");

    /// <summary>https://127.0.0.1:PORT/_sandbox</summary>
    public Uri ControlBaseUri => new(Origin, "/_sandbox");

    public int Port => Origin.Port;

    /// <summary>The server certificate without its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>SHA-1 hex of the server certificate, as X509Certificate2.Thumbprint: what clients pin.</summary>
    public string CertificateThumbprint => Certificate.Thumbprint;

    public string CertificatePemPath { get; }

    public SandboxConnectionInfo ConnectionInfo { get; }

    /// <summary>The one JSON line the standalone process prints when ready.</summary>
    public string ReadyLine { get; }

    public SandboxSeed Seed => _state.Directory.Seed;

    public SandboxControl Control { get; private set; } = null!;

    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        if (options.Certificate is { HasPrivateKey: false })
        {
            throw new ArgumentException("The server certificate needs its private key.", nameof(options));
        }

        // RSA key generation dominates start-up; make the two keys side by side.
        var signingKeys = Task.Run(() => new SigningKeys(), cancellationToken);
        var certificate = options.Certificate ?? await Task.Run(ServerCertificate.Create, cancellationToken).ConfigureAwait(false);
        var state = new SandboxState(options.LoadSeed(), await signingKeys.ConfigureAwait(false), options.Clock ?? TimeProvider.System, options.RandomSeed);

        SandboxServer? server = null;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });

        // Only the options decide how the sandbox listens: no appsettings.json or ASPNETCORE_* endpoints, no signal handlers.
        builder.Configuration.Sources.Clear();
        builder.Services.AddSingleton<IHostLifetime, ManualHostLifetime>();
        builder.Logging.ClearProviders();
        if (options.Verbose)
        {
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 200L * 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.UseHttps(certificate));
        });
        var app = builder.Build();
        var control = new SandboxControl(state, () => server?.ReadyLine ?? "{}");
        var dispatcher = new SandboxDispatcher(state, control);
        var adapter = new KestrelAdapter(dispatcher);
        app.Run(adapter.HandleAsync);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            var origin = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
            var pemPath = ServerCertificate.WritePem(certificate, options.CertificatePemDirectory);
            server = new SandboxServer(app, state, certificate, options.Certificate is null, origin, pemPath) { Control = control };
            return server;
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            state.Dispose();
            if (options.Certificate is null)
            {
                certificate.Dispose();
            }

            throw;
        }
    }

    /// <summary>Writes the connection JSON to a file (the standalone --connection-file).</summary>
    public void WriteConnectionFile(string path) => File.WriteAllText(path, ReadyLine + Environment.NewLine);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var pause in _state.Pauses.Values.ToList())
        {
            pause.Release();
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _state.Dispose();
        File.Delete(CertificatePemPath);
        Certificate.Dispose();
        _ownedCertificate?.Dispose();
    }
}
