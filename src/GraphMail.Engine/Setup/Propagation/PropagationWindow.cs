using System;
using System.Globalization;

namespace GraphMail.Engine.Setup.Propagation;

/// <summary>
/// How long a mailbox-scoping change may take to reach Graph. Microsoft documents "can take longer than 1 hour …
/// even when Test-ApplicationAccessPolicy shows positive results"; admins report 30 minutes to an hour. A change
/// younger than <see cref="Suspect"/> is treated as possibly still propagating.
/// </summary>
internal sealed class PropagationWindow
{
    /// <summary>The documented time for a change to reach Graph.</summary>
    internal static readonly TimeSpan Typical = TimeSpan.FromHours(1);

    /// <summary>"Longer than an hour": a change this young may still be on its way.</summary>
    internal static readonly TimeSpan Suspect = TimeSpan.FromHours(2);

    /// <summary>The least wait suggested once the typical hour has passed.</summary>
    internal static readonly TimeSpan LastWait = TimeSpan.FromMinutes(15);

    private readonly TimeZoneInfo _zone;

    internal PropagationWindow(DateTimeOffset now, DateTimeOffset? changedAt, TimeZoneInfo zone)
    {
        Now = now;
        ChangedAt = changedAt;
        _zone = zone;
    }

    internal DateTimeOffset Now { get; }

    /// <summary>When the user says the policy or role assignment was last changed (-PolicyChangedAt).</summary>
    internal DateTimeOffset? ChangedAt { get; }

    /// <summary>True when the user named a change young enough to still be propagating.</summary>
    internal bool RecentChange => ChangedAt is { } changed && Now - changed < Suspect;

    /// <summary>When to run the test again: an hour after the change, or, with no change named, an hour from now.</summary>
    internal DateTimeOffset RetryAfter
    {
        get
        {
            var due = (ChangedAt ?? Now) + Typical;
            return due > Now ? due : Now + LastWait;
        }
    }

    /// <summary>"still propagating … retry after 14:05 (+01:00)"; the time in the user's zone.</summary>
    internal string RetryText() =>
        "Mailbox scoping changes can take more than an hour to reach Graph (Exchange's own tests show them sooner); retry after " + Format(RetryAfter) + ".";

    internal string Format(DateTimeOffset time)
    {
        var local = TimeZoneInfo.ConvertTime(time, _zone);
        return local.ToString("HH:mm", CultureInfo.InvariantCulture) + " (UTC" + local.ToString("zzz", CultureInfo.InvariantCulture) + ")";
    }
}
