using System;
using System.Net.Http;
using System.Net.Security;

namespace GraphMail.Tests.Infrastructure;

/// <summary>
/// HTTP handlers that trust the sandbox's certificate by pinned thumbprint, and only for loopback hosts.
/// TLS validation is never switched off: any other host still gets the platform's normal validation.
/// </summary>
internal static class SandboxTls
{
    internal static HttpClientHandler CreateHandler(string pinnedThumbprint) => new()
    {
        AllowAutoRedirect = false,
        ServerCertificateCustomValidationCallback = (request, certificate, _, errors) =>
            errors == SslPolicyErrors.None ||
            (request.RequestUri is { IsLoopback: true } &&
             certificate is not null &&
             string.Equals(certificate.Thumbprint, pinnedThumbprint, StringComparison.OrdinalIgnoreCase)),
    };

    internal static HttpClient CreateClient(string pinnedThumbprint, Uri? baseAddress = null) =>
        new(CreateHandler(pinnedThumbprint)) { BaseAddress = baseAddress };
}
