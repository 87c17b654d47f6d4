using System;
using System.Collections.Generic;

namespace GraphMail;

/// <summary>A draft still in a sandbox mailbox: created, not yet sent or deleted (what a failed large send leaves).</summary>
public sealed class SandboxDraft
{
    internal SandboxDraft()
    {
    }

    public string Id { get; internal set; } = string.Empty;

    public string Mailbox { get; internal set; } = string.Empty;

    public string ClientId { get; internal set; } = string.Empty;

    public string? Subject { get; internal set; }

    public IReadOnlyList<SandboxAttachment> Attachments { get; internal set; } = Array.Empty<SandboxAttachment>();

    /// <summary>Upload sessions for the draft that were created and neither finished nor cancelled.</summary>
    public int OpenUploadSessions { get; internal set; }

    public DateTimeOffset CreatedAt { get; internal set; }
}
