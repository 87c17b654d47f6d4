using System;
using System.Collections.Generic;
using System.Linq;

namespace GraphMail.Engine.SandboxHosting.Control;

/// <summary>A fault for the sandbox to inject: the next <see cref="Count"/> requests of a route, or a <see cref="Ratio"/> of them.</summary>
public sealed class SandboxFault
{
    public SandboxFault(string route, string kind)
    {
        Route = route;
        Kind = kind;
    }

    /// <summary>One of <see cref="SandboxFaultNames.Routes"/>, in any letter case.</summary>
    public string Route { get; }

    /// <summary>One of <see cref="SandboxFaultNames.Kinds"/>, in any letter case.</summary>
    public string Kind { get; }

    /// <summary>How many requests it hits; with neither count nor ratio, 1.</summary>
    public int? Count { get; set; }

    /// <summary>The chance (0..1] that it hits each request, until cleared.</summary>
    public double? Ratio { get; set; }

    /// <summary>Retry-After of a throttle or unavailable answer.</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>Latency added to the requests it hits.</summary>
    public int LatencyMilliseconds { get; set; }

    /// <summary>The JSON body POST /_sandbox/faults takes, with the sandbox's own spelling of the names.</summary>
    internal Dictionary<string, object> ToJsonObject()
    {
        var json = new Dictionary<string, object>
        {
            ["route"] = Canonical(SandboxFaultNames.Routes, Route, "route"),
            ["kind"] = Canonical(SandboxFaultNames.Kinds, Kind, "kind"),
            ["latencyMs"] = LatencyMilliseconds,
        };
        if (Count is not null && Ratio is not null)
        {
            throw Invalid("Give a count or a ratio, not both.");
        }

        if (Count is < 1 || Ratio is <= 0 or > 1 || RetryAfterSeconds is < 0 || LatencyMilliseconds < 0)
        {
            throw Invalid("The count must be 1 or more, the ratio above 0 and at most 1, retry-after and latency not negative.");
        }

        Add(json, "count", Count);
        Add(json, "ratio", Ratio);
        Add(json, "retryAfterSeconds", RetryAfterSeconds);
        return json;
    }

    private static void Add<T>(Dictionary<string, object> json, string name, T? value)
        where T : struct
    {
        if (value is { } set)
        {
            json[name] = set;
        }
    }

    private static string Canonical(IReadOnlyList<string> names, string value, string what) =>
        names.FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase))
        ?? throw Invalid($"'{value}' is not a sandbox fault {what}; use one of: {string.Join(", ", names)}.");

    private static GraphMailException Invalid(string cause) =>
        new(ErrorIds.InvalidSandboxFault, GraphMailErrorKind.InvalidArgument, cause, "See Get-Help Add-GraphMailSandboxFault -Full.");
}
