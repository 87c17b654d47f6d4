using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using GraphMail.Sandbox.Batch;
using GraphMail.Sandbox.Identity;

namespace GraphMail.Sandbox.Routing;

/// <summary>One request as the sandbox handles it, from Kestrel or from inside a $batch.</summary>
internal sealed class SandboxRequest
{
    internal required string Method { get; init; }

    /// <summary>Decoded path, without the query.</summary>
    internal required string Path { get; init; }

    internal IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    internal IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    internal byte[] Body { get; init; } = [];

    /// <summary>Whether the request declared a Content-Length (POST .../send requires one).</summary>
    internal bool HasContentLength { get; init; }

    /// <summary>scheme://host:port of the listener the request came in on.</summary>
    internal required string Origin { get; init; }

    internal string RequestId { get; } = Guid.NewGuid().ToString();

    internal DateTimeOffset ReceivedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Stopwatch timestamp of arrival, so added latency can count the time already spent.</summary>
    internal long ReceivedTimestamp { get; } = Stopwatch.GetTimestamp();

    /// <summary>Set when the request is part of a parallel $batch group.</summary>
    internal BatchAdmission? BatchAdmission { get; init; }

    internal CancellationToken Aborted { get; init; }

    internal IReadOnlyDictionary<string, string> RouteValues { get; set; } = new Dictionary<string, string>();

    /// <summary>The app (client ID) the request acts for, once known; shown in the request log.</summary>
    internal string? AppId { get; set; }

    /// <summary>The validated bearer token's caller, for Graph routes.</summary>
    internal GraphCaller? Caller { get; set; }

    internal string? ClientRequestId => Header("client-request-id");

    internal string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    internal string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value : null;

    internal string RouteValue(string name) => RouteValues[name];

    internal string BodyText => Encoding.UTF8.GetString(Body);
}
