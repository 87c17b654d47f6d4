using System;
using GraphMail.Engine.Consent.Discovery;
using GraphMail.Engine.Sending.Retry;

namespace GraphMail.Engine.Setup;

/// <summary>What a setup run depends on besides its request; tests set the clock and the time zone.</summary>
public sealed class SetupOptions
{
    public ITenantDirectory Directory { get; set; } = OpenIdTenantDirectory.Default;

    public Func<DateTimeOffset> UtcNow { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>The zone "retry after HH:mm" is written in.</summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Local;

    /// <summary>The send engine's retry rules, for the probes and the verification send.</summary>
    public RetryOptions Retry { get; set; } = new();
}
