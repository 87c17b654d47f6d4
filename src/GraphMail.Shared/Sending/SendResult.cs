using System;

namespace GraphMail;

/// <summary>
/// The outcome of one message, written by Send-GraphMail -PassThru. It carries no secret and no message content
/// beyond the subject, so it can be logged or exported as it is.
/// </summary>
public sealed class SendResult
{
    private readonly string[] _to;

    public SendResult(
        SendStatus status,
        string from,
        string[] to,
        string subject,
        string internetMessageId,
        SendPath path,
        int attempts,
        TimeSpan duration,
        string? requestId = null,
        string? clientRequestId = null,
        GraphMailException? error = null)
    {
        Status = status;
        From = from ?? string.Empty;
        _to = (string[])(to ?? Array.Empty<string>()).Clone();
        Subject = subject ?? string.Empty;
        InternetMessageId = internetMessageId ?? string.Empty;
        Path = path;
        Attempts = attempts;
        Duration = duration;
        RequestId = requestId;
        ClientRequestId = clientRequestId;
        Error = error;
    }

    public SendStatus Status { get; }

    /// <summary>The sender mailbox the message was sent from (or would have been).</summary>
    public string From { get; }

    /// <summary>The To recipients' addresses (Cc and Bcc are not repeated here).</summary>
    public string[] To => (string[])_to.Clone();

    public string Subject { get; }

    /// <summary>The Message-ID GraphMail stamped on the message: search a mailbox or message trace for it.</summary>
    public string InternetMessageId { get; }

    public SendPath Path { get; }

    /// <summary>Graph's request-id of the last request for this message, for a support case.</summary>
    public string? RequestId { get; }

    /// <summary>The client-request-id GraphMail sent with the last request for this message.</summary>
    public string? ClientRequestId { get; }

    /// <summary>How many times the sending request was put on the wire (0: never).</summary>
    public int Attempts { get; }

    public TimeSpan Duration { get; }

    /// <summary>Why the message is Failed, Unknown or NotSent; null when Sent.</summary>
    public GraphMailException? Error { get; }

    public override string ToString() =>
        Status + " " + InternetMessageId + " from " + From + " to " + string.Join(", ", _to) + ": " + Subject;
}
