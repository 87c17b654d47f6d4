using System;

namespace GraphMail.Engine.Sending.Journal;

/// <summary>Where a message stands in the journal; a later line for the same key supersedes an earlier one.</summary>
public enum JournalStatus
{
    /// <summary>Its sendMail is about to go on the wire: after a crash it may have gone, or not.</summary>
    Planned,

    /// <summary>Its draft is about to be created, or is being built (ExactlyOnce, or a large message): nothing can have been sent yet.</summary>
    Creating,

    /// <summary>Its draft exists (DraftId) and /send is next: not sent until a later line says so.</summary>
    Drafted,

    Sent,
    Failed,
    Unknown,
    NotSent,
}

/// <summary>One line of a -Journal file.</summary>
public sealed class JournalRecord
{
    public JournalRecord(string key, string messageId, JournalStatus status, string from, int recipients, DateTimeOffset at, string? draftId = null)
    {
        Key = key;
        MessageId = messageId;
        Status = status;
        From = from;
        Recipients = recipients;
        At = at;
        DraftId = draftId;
    }

    /// <summary>-MessageKey, or a hash of the planned message.</summary>
    public string Key { get; }

    /// <summary>The Message-ID GraphMail stamped: the same in every run of this key.</summary>
    public string MessageId { get; }

    public JournalStatus Status { get; }

    /// <summary>The sender mailbox (what the daily recipient limit counts against).</summary>
    public string From { get; }

    /// <summary>To, Cc and Bcc together.</summary>
    public int Recipients { get; }

    public DateTimeOffset At { get; }

    /// <summary>The draft's immutable id (ExactlyOnce, or a large message), once it is ready for /send.</summary>
    public string? DraftId { get; }
}
