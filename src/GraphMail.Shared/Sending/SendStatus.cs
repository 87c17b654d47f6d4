namespace GraphMail;

/// <summary>What became of one message. Exactly one per message, so a script can resume or reconcile a bulk run.</summary>
public enum SendStatus
{
    /// <summary>Graph accepted the message (202). Accepted is not delivered: Exchange still applies its limits.</summary>
    Sent,

    /// <summary>Graph refused it, or GraphMail gave up before it could have been sent. It was not sent.</summary>
    Failed,

    /// <summary>
    /// The request went out and no clear answer came back (504, 5xx without Retry-After, a reset or timeout after the
    /// body was written). It may or may not have been sent; look for its InternetMessageId before sending it again.
    /// </summary>
    Unknown,

    /// <summary>Never put on the wire: the command was stopped (Ctrl+C) before this message started. Safe to send again.</summary>
    NotSent,

    /// <summary>Not sent again: the -Journal shows an earlier run sent it (Sent there). Nothing went on the wire for it.</summary>
    Skipped,
}
