using System;
using System.Threading.Tasks;
using GraphMail.Sandbox.Throttling;

namespace GraphMail.Sandbox.Routing;

internal enum RouteKind
{
    /// <summary>Entra ID: token, discovery, keys, managed identity. Answers with AAD-style errors.</summary>
    Identity,

    /// <summary>Graph under /v1.0: bearer token, throttling, Graph error envelope.</summary>
    Graph,

    /// <summary>POST /v1.0/$batch: Graph envelope; each inner request is authenticated and throttled on its own.</summary>
    GraphBatch,

    /// <summary>Upload session URLs: no bearer token, throttled as the session's app and mailbox.</summary>
    Upload,

    /// <summary>The /_sandbox control API: no faults, not logged.</summary>
    Control,
}

/// <param name="ThrottleKey">For throttled routes: the app and mailbox a request counts against (null: not throttled).</param>
internal sealed record SandboxRoute(
    string Name,
    string Method,
    RouteTemplate Template,
    RouteKind Kind,
    Func<SandboxRequest, Task<SandboxResponse>> Handler,
    Func<SandboxRequest, ThrottleKey?>? ThrottleKey = null);
