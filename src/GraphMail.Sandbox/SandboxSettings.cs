using System;

namespace GraphMail.Sandbox;

public enum ConcurrencyScope
{
    /// <summary>Outlook's documented rule: concurrent requests counted per app and mailbox.</summary>
    AppAndMailbox,

    /// <summary>The stricter reading: counted per app, whatever the mailbox.</summary>
    App,
}

/// <summary>
/// Limits and latency: the seed's "limits" at start, changeable while the sandbox runs (PUT /_sandbox/settings,
/// SandboxControl.UpdateSettings).
/// </summary>
public sealed record SandboxSettings
{
    /// <summary>Added to every Entra ID, Graph and upload request (not to the control API), e.g. 40 for benchmarks.</summary>
    public int LatencyMs { get; init; }

    public int ConcurrentRequests { get; init; } = 4;

    public ConcurrencyScope ConcurrencyScope { get; init; } = ConcurrencyScope.AppAndMailbox;

    public int RequestsPer10Minutes { get; init; } = 10_000;

    public int ThrottleRetryAfterSeconds { get; init; } = 1;

    public int TokenLifetimeSeconds { get; init; } = 3599;

    public int MaxRequestBytes { get; init; } = 4 * 1024 * 1024;

    public int MaxUploadChunkBytes { get; init; } = 4 * 1024 * 1024;

    public long MinUploadSessionBytes { get; init; } = 3 * 1024 * 1024;

    public int MaxRecipientsPerMessage { get; init; } = 500;

    /// <summary>Exchange Online's recipient rate limit: recipients a mailbox may send to in a rolling 24 hours.</summary>
    public int MaxRecipientsPerDay { get; init; } = 10_000;

    /// <summary>
    /// How long after a send its copy takes to show in Sent Items (Graph: "might not succeed immediately after sending").
    /// Tests end the wait with SandboxControl.DeliverSentItems (POST /_sandbox/sentitems/arrive) rather than sleeping.
    /// </summary>
    public int SentItemsDelayMs { get; init; } = 50;

    /// <summary>MaxSendSize of mailboxes that do not set their own (Exchange Online's default is 35 MB).</summary>
    public long DefaultMaxSendSizeBytes { get; init; } = 35 * 1024 * 1024;

    public int UploadSessionLifetimeMinutes { get; init; } = 15;

    /// <summary>
    /// How long a new app, service principal or credential stays unknown to the token endpoint (AADSTS700016, 7000215,
    /// 700027), as Entra ID replicates it. POST /_sandbox/directory/replicate ends the wait at once.
    /// </summary>
    public int ReplicationDelaySeconds { get; init; } = 5;

    /// <summary>The device code answer's interval: how long clients wait between polls (slow_down when they poll sooner).</summary>
    public int DeviceCodeIntervalSeconds { get; init; } = 5;

    /// <summary>The device code answer's expires_in.</summary>
    public int DeviceCodeLifetimeSeconds { get; init; } = 900;

    /// <summary>A user (UPN) who approves every device-code sign-in as it starts; empty: each waits for an approval.</summary>
    public string DeviceCodeApprover { get; init; } = "";

    /// <summary>Throws ArgumentException when a value cannot work.</summary>
    public void Validate()
    {
        Check(LatencyMs >= 0, nameof(LatencyMs));
        Check(ConcurrentRequests >= 1, nameof(ConcurrentRequests));
        Check(RequestsPer10Minutes >= 1, nameof(RequestsPer10Minutes));
        Check(ThrottleRetryAfterSeconds >= 0, nameof(ThrottleRetryAfterSeconds));
        Check(TokenLifetimeSeconds >= 1, nameof(TokenLifetimeSeconds));
        Check(MaxRequestBytes >= 1, nameof(MaxRequestBytes));
        Check(MaxUploadChunkBytes >= 1, nameof(MaxUploadChunkBytes));
        Check(MinUploadSessionBytes >= 0, nameof(MinUploadSessionBytes));
        Check(MaxRecipientsPerMessage >= 1, nameof(MaxRecipientsPerMessage));
        Check(MaxRecipientsPerDay >= 1, nameof(MaxRecipientsPerDay));
        Check(SentItemsDelayMs >= 0, nameof(SentItemsDelayMs));
        Check(DefaultMaxSendSizeBytes >= 1, nameof(DefaultMaxSendSizeBytes));
        Check(UploadSessionLifetimeMinutes >= 1, nameof(UploadSessionLifetimeMinutes));
        Check(ReplicationDelaySeconds >= 0, nameof(ReplicationDelaySeconds));
        Check(DeviceCodeIntervalSeconds >= 0, nameof(DeviceCodeIntervalSeconds));
        Check(DeviceCodeLifetimeSeconds >= 1, nameof(DeviceCodeLifetimeSeconds));
        Check(DeviceCodeApprover is not null, nameof(DeviceCodeApprover));
    }

    private static void Check(bool valid, string name)
    {
        if (!valid)
        {
            throw new ArgumentException($"The setting {name} is out of range.", name);
        }
    }
}
