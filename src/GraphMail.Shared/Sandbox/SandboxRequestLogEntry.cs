using System;

namespace GraphMail;

/// <summary>One request GraphMail.Sandbox served (its control API is not logged). Secret query values are masked.</summary>
public sealed class SandboxRequestLogEntry
{
    internal SandboxRequestLogEntry()
    {
    }

    public DateTimeOffset Time { get; internal set; }

    public string Method { get; internal set; } = string.Empty;

    /// <summary>The route name, one of <see cref="SandboxFaultNames.Routes"/> or <c>unmatched</c>.</summary>
    public string Route { get; internal set; } = string.Empty;

    /// <summary>Path and query.</summary>
    public string Path { get; internal set; } = string.Empty;

    /// <summary>HTTP status; 0 when a fault reset the connection.</summary>
    public int Status { get; internal set; }

    public string? ClientId { get; internal set; }

    public string? ClientRequestId { get; internal set; }

    public string RequestId { get; internal set; } = string.Empty;

    /// <summary>The fault kind applied to the request, if any.</summary>
    public string? Fault { get; internal set; }

    /// <summary>For a request inside a $batch: the request-id of the batch.</summary>
    public string? BatchRequestId { get; internal set; }
}
