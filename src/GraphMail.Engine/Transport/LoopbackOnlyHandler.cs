using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;

namespace GraphMail.Engine.Transport;

/// <summary>A sandbox connection never leaves the machine: any request to a host that is not loopback is refused unsent.</summary>
internal sealed class LoopbackOnlyHandler : DelegatingHandler
{
    internal LoopbackOnlyHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.RequestUri is { } uri && SandboxEndpoint.IsLoopback(uri)
            ? base.SendAsync(request, cancellationToken)
            : throw new HttpRequestException($"A sandbox connection sends nothing off this machine; refused a request to {request.RequestUri?.Host ?? "(no host)"}.");
}
