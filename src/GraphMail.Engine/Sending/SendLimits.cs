namespace GraphMail.Engine.Sending;

/// <summary>
/// Every Graph and Exchange Online number the send path depends on, in one place (graph-wire-spec §4.5, §5, §7).
/// </summary>
public static class SendLimits
{
    /// <summary>Graph refuses a request body over about 4 MB with 413.</summary>
    public const long MaxRequestBytes = 4L * 1024 * 1024;

    /// <summary>Room kept free in a sendMail request for JSON keys, recipients and headers around the content.</summary>
    public const long RequestEnvelopeAllowance = 64 * 1024;

    /// <summary>An upload session refuses an attachment smaller than this (ErrorAttachmentSizeShouldNotBeLessThanMinimumSize).</summary>
    public const long UploadSessionMinimumBytes = 3L * 1024 * 1024;

    /// <summary>Outlook wants at most 4 MB per upload PUT (the SDK's 5 MB default is too large).</summary>
    public const int UploadChunkBytes = 4 * 1024 * 1024;

    /// <summary>The largest attachment an upload session takes, and the largest message a mailbox can be allowed to send.</summary>
    public const long MaxAttachmentBytes = 150L * 1024 * 1024;

    /// <summary>All attachments of one message together; a mailbox's own max send size (35 MB by default) may be lower.</summary>
    public const long MaxMessageAttachmentBytes = 150L * 1024 * 1024;

    /// <summary>Exchange Online's default recipients per message (To + Cc + Bcc).</summary>
    public const int MaxRecipients = 500;

    /// <summary>The most an Exchange Online admin can allow per message (RecipientLimits up to 1,000).</summary>
    public const int MaxRecipientsCeiling = 1000;

    /// <summary>Exchange Online's recipient rate limit: recipients per mailbox in a rolling 24 hours.</summary>
    public const int MaxRecipientsPerDay = 10_000;

    /// <summary>Graph takes at most 5 internetMessageHeaders.</summary>
    public const int MaxHeaders = 5;

    /// <summary>Outlook allows 4 concurrent requests per app and mailbox; a fifth gets 429 MailboxConcurrency.</summary>
    public const int MaxInFlightPerMailbox = 4;

    /// <summary>
    /// Messages of one sender being sent at once (on the wire, waiting for one of its 4 request slots, or waiting out a
    /// Retry-After): more than the request slots, so messages waiting to be retried leave the wire to the others.
    /// </summary>
    public const int MaxMessagesInProgressPerMailbox = 4 * MaxInFlightPerMailbox;

    /// <summary>
    /// All mailboxes together. Outlook's limit is per mailbox, so this is no Graph limit: it bounds what one command holds
    /// (a task, a request body, one connection on the wire each). 64 lets 16 mailboxes keep all 4 of their request slots
    /// busy; the transport allows as many connections (<see cref="MaxConnectionsPerServer"/>).
    /// </summary>
    public const int MaxMessagesInProgress = 64;

    /// <summary>
    /// Request bodies held by the messages in progress, all mailboxes together: as much as 16 messages of the largest
    /// request (4 MB) take, so many small messages run at once and large ones fewer (<see cref="BytesHeldWhileSending"/>).
    /// </summary>
    public const long MaxBytesInProgress = 16 * MaxRequestBytes;

    /// <summary>
    /// Connections the transport opens to one host: one for every message in progress (each has at most one request on
    /// the wire), and a few for tokens and directory calls to the same host (the sandbox serves them all).
    /// </summary>
    public const int MaxConnectionsPerServer = MaxMessagesInProgress + 8;

    /// <summary>Messages accepted but not yet started, so a 100,000-row CSV is read as fast as it is sent, not faster.</summary>
    public const int MaxQueuedMessages = 64;

    /// <summary>Messages accepted ahead of the oldest result not yet written (results are written in input order).</summary>
    public const int MaxMessagesAheadOfOutput = 256;

    /// <summary>How long a command that ends early waits for requests on the wire before calling their messages Unknown.</summary>
    public static readonly System.TimeSpan StopGrace = System.TimeSpan.FromSeconds(15);

    /// <summary>Characters base64 makes of <paramref name="bytes"/> raw bytes (4 per 3, padded).</summary>
    public static long Base64Length(long bytes) => (bytes + 2) / 3 * 4;

    /// <summary>
    /// True when attachments of <paramref name="attachmentBytes"/> raw bytes and text (body, subject) that takes
    /// <paramref name="textJsonBytes"/> in Graph's JSON fit inside one request; otherwise the draft + upload session path is needed.
    /// </summary>
    public static bool FitsInOneRequest(long attachmentBytes, long textJsonBytes) =>
        Base64Length(attachmentBytes) + textJsonBytes + RequestEnvelopeAllowance <= MaxRequestBytes;

    /// <summary>
    /// The most request body a message holds in memory while it is sent: its sendMail request, or for the large-message
    /// path one request of at most <see cref="MaxRequestBytes"/> at a time (the draft, an attachment, an upload chunk).
    /// </summary>
    public static long BytesHeldWhileSending(long attachmentBytes, long textJsonBytes) =>
        FitsInOneRequest(attachmentBytes, textJsonBytes) ? Base64Length(attachmentBytes) + textJsonBytes + RequestEnvelopeAllowance : MaxRequestBytes;

    /// <summary>True when text of this JSON size fits in one request at all (every path sends the body in one request).</summary>
    public static bool TextFitsInOneRequest(long textJsonBytes) => FitsInOneRequest(0, textJsonBytes);

    internal static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB";

}
