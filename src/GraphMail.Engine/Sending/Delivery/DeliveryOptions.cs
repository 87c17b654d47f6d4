namespace GraphMail.Engine.Sending.Delivery;

/// <summary>Send-GraphMail's -Delivery, -Journal and -MaxRecipientsPerMessage, for the whole command.</summary>
public sealed class DeliveryOptions
{
    public DeliveryMode Mode { get; set; } = DeliveryMode.AtMostOnce;

    /// <summary>A message with more recipients (To, Cc and Bcc) is refused before any request.</summary>
    public int MaxRecipientsPerMessage { get; set; } = SendLimits.MaxRecipients;

    /// <summary>The -Journal file (full path), or null for none.</summary>
    public string? JournalPath { get; set; }

    /// <summary>A preview (-WhatIf): the journal is read when it exists, never created or written.</summary>
    public bool JournalReadOnly { get; set; }

    /// <summary>With a journal: recipients one mailbox may send to in a rolling 24 hours before the run stops sending from it.</summary>
    public int MaxRecipientsPerDay { get; set; } = SendLimits.MaxRecipientsPerDay;
}
