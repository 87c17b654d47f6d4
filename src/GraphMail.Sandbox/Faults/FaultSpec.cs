using System;
using System.Linq;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Sandbox.Faults;

public enum FaultKind
{
    /// <summary>Only adds latencyMs.</summary>
    Latency,

    /// <summary>429 before processing, with Retry-After (retryAfterSeconds, default the throttle setting).</summary>
    Throttle,

    /// <summary>503 before processing, with Retry-After only when retryAfterSeconds is given.</summary>
    Unavailable,

    /// <summary>The request is processed (a message is recorded) and then answered 504.</summary>
    GatewayTimeoutAfterAccept,

    /// <summary>504 before processing (nothing is recorded): to the client, the same answer as one after accept.</summary>
    GatewayTimeout,

    /// <summary>The connection is aborted before anything is processed.</summary>
    ResetBeforeProcessing,

    /// <summary>The request is processed (a message is recorded) and then the connection is aborted.</summary>
    ResetAfterAccept,

    /// <summary>Graph answers 401 InvalidAuthenticationToken "Lifetime validation failed, the token is expired."</summary>
    TokenExpired,
}

/// <summary>A fault for the next <see cref="Count"/> requests of a route, or for a <see cref="Ratio"/> of them.</summary>
public sealed record FaultSpec
{
    /// <summary>A RouteNames value.</summary>
    public required string Route { get; init; }

    public required FaultKind Kind { get; init; }

    /// <summary>How many requests the fault applies to; with neither count nor ratio, 1.</summary>
    public int? Count { get; init; }

    /// <summary>Probability (0..1] per request, drawn from the sandbox's seedable generator; applies until cleared.</summary>
    public double? Ratio { get; init; }

    public int? RetryAfterSeconds { get; init; }

    /// <summary>Latency added to requests the fault hits (any kind).</summary>
    public int LatencyMs { get; init; }

    internal void Validate()
    {
        if (!RouteNames.All.Contains(Route))
        {
            throw new ArgumentException($"Unknown route '{Route}'. Routes: {string.Join(", ", RouteNames.All)}.");
        }

        if (Count is not null && Ratio is not null)
        {
            throw new ArgumentException("Give either count or ratio, not both.");
        }

        if (Count is < 1 || Ratio is <= 0 or > 1 || LatencyMs < 0 || RetryAfterSeconds is < 0)
        {
            throw new ArgumentException("count must be at least 1, ratio in (0, 1], latencyMs and retryAfterSeconds not negative.");
        }

        if (Kind == FaultKind.TokenExpired && Route is RouteNames.Token or RouteNames.ManagedIdentity or RouteNames.OpenId or RouteNames.Keys or RouteNames.UploadChunk or RouteNames.CancelUpload)
        {
            throw new ArgumentException("A tokenExpired fault applies to Graph routes that take a bearer token.");
        }
    }
}
