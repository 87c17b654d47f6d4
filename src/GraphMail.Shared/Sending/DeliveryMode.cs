namespace GraphMail;

/// <summary>Send-GraphMail -Delivery: what a fault between GraphMail and Graph may cost.</summary>
public enum DeliveryMode
{
    /// <summary>
    /// One sendMail request per message (a draft and upload sessions when large), never replayed once it may have been
    /// processed: a message is never sent twice, and an ambiguous answer leaves it Unknown. Needs Mail.Send.
    /// </summary>
    AtMostOnce,

    /// <summary>
    /// A draft stamped with its Message-ID, then /send; an ambiguous answer is resolved by reading the mailbox, so a
    /// message ends Sent exactly once (or Failed, not sent). Two requests a message; needs Mail.Send and Mail.ReadWrite.
    /// </summary>
    ExactlyOnce,
}
