using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using GraphMail.Sandbox.Routing;
using Microsoft.AspNetCore.Http;

namespace GraphMail.Sandbox.Hosting;

/// <summary>Turns an ASP.NET Core request into a SandboxRequest and writes the SandboxResponse back (or aborts).</summary>
internal sealed class KestrelAdapter(SandboxDispatcher dispatcher)
{
    internal async Task HandleAsync(HttpContext context)
    {
        var http = context.Request;
        using var body = new MemoryStream();
        await http.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        var request = new SandboxRequest
        {
            Method = http.Method,
            Path = http.Path.Value ?? "/",
            Query = http.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Headers = http.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = body.ToArray(),
            HasContentLength = http.ContentLength is not null,
            Origin = Origin(context),
            Aborted = context.RequestAborted,
        };

        SandboxResponse response;
        try
        {
            response = await dispatcher.DispatchAsync(request).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (response.AbortConnection)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Headers[name] = value;
        }

        if (response.Headers.TryGetValue("Content-Type", out var contentType))
        {
            context.Response.ContentType = contentType;
        }

        context.Response.ContentLength = response.Body.Length;
        if (response.Body.Length > 0)
        {
            await context.Response.Body.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>scheme://host:port as the client addressed it (token audiences and upload URLs follow it).</summary>
    private static string Origin(HttpContext context) =>
        context.Request.Host.HasValue
            ? $"{context.Request.Scheme}://{context.Request.Host.Value}"
            : $"{context.Request.Scheme}://{context.Connection.LocalIpAddress}:{context.Connection.LocalPort}";
}
