using System;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Sending;

namespace GraphMail.Engine.Transport;

/// <summary>
/// The innermost HTTP handler of a connection: one per connection, long-lived, pooled. Certificate validation is
/// the platform's, except for a sandbox connection, where the one certificate whose SHA-256 matches the pin is
/// accepted, and only for a loopback host.
/// </summary>
public static class HttpTransport
{
    public static HttpMessageHandler CreateHandler(SandboxEndpoint? sandbox)
    {
#if NET
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = SendLimits.MaxConnectionsPerServer,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),

            // Without it a dropped SYN (IMDS's 169.254.169.254 off Azure, a firewall) waits for the OS, minutes on Linux.
            ConnectTimeout = TimeSpan.FromSeconds(15),
            AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
        };
        if (sandbox is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback =
                (sender, certificate, _, errors) => IsTrusted(sandbox, ToCertificate(certificate), errors, IsLoopbackHost((sender as SslStream)?.TargetHostName));
        }

        return handler;
#else
        var handler = new HttpClientHandler
        {
            MaxConnectionsPerServer = SendLimits.MaxConnectionsPerServer,
            AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
        };
        if (sandbox is not null)
        {
            handler.ServerCertificateCustomValidationCallback =
                (request, certificate, _, errors) => IsTrusted(sandbox, certificate, errors, request.RequestUri is { } uri && SandboxEndpoint.IsLoopback(uri));
        }

        return handler;
#endif
    }

    internal static bool IsTrusted(SandboxEndpoint sandbox, X509Certificate2? certificate, SslPolicyErrors errors, bool loopbackTarget)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        return loopbackTarget && certificate is not null && string.Equals(Sha256Hex(certificate), sandbox.CertificateSha256, StringComparison.OrdinalIgnoreCase);
    }

    internal static string Sha256Hex(X509Certificate2 certificate)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(certificate.RawData);
        var hex = new char[hash.Length * 2];
        for (var i = 0; i < hash.Length; i++)
        {
            hex[2 * i] = "0123456789ABCDEF"[hash[i] >> 4];
            hex[(2 * i) + 1] = "0123456789ABCDEF"[hash[i] & 0xF];
        }

        return new string(hex);
    }

#if NET
    private static X509Certificate2? ToCertificate(X509Certificate? certificate) =>
        certificate as X509Certificate2 ?? (certificate is null ? null : new X509Certificate2(certificate));

    private static bool IsLoopbackHost(string? host) =>
        host is { Length: > 0 } && Uri.TryCreate("https://" + (host.Contains(':') && !host.StartsWith('[') ? "[" + host + "]" : host) + "/", UriKind.Absolute, out var uri) && SandboxEndpoint.IsLoopback(uri);
#endif
}
