using System;

namespace GraphMail;

/// <summary>
/// The outcome of one message of Send-GraphMail: exactly one per message, in input order. It carries no secret and
/// no message content beyond the subject, and every property is text, a number or a date, so
/// <c>Send-GraphMail -PassThru | Export-Csv</c> is a report a script can resume from (InputIndex ties a row to its input).
/// </summary>
public sealed class SendResult
{
    /// <summary>The folder GraphMail creates drafts in (Graph's well-known name).</summary>
    public const string DraftsFolder = "Drafts";

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
        GraphMailException? error = null,
        string? draftId = null)
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
        DraftId = draftId;
    }

    private SendResult(SendResult source, int inputIndex, object? inputObject)
        : this(source.Status, source.From, source._to, source.Subject, source.InternetMessageId, source.Path, source.Attempts, source.Duration,
            source.RequestId, source.ClientRequestId, source.Error, source.DraftId)
    {
        InputIndex = inputIndex;
        InputObject = inputObject;
    }

    /// <summary>
    /// Which pipeline input the message came from, counting from 0 (<c>$rows[$result.InputIndex]</c>); 0 for a message
    /// made of the command line alone, and the first file's index for the one message piped files make.
    /// </summary>
    public int InputIndex { get; }

    public SendStatus Status { get; }

    /// <summary>The To recipients' addresses, separated by "; " (Cc and Bcc are not repeated here).</summary>
    public string To => string.Join("; ", _to);

    public string Subject { get; }

    /// <summary>The sender mailbox the message was sent from (or would have been).</summary>
    public string From { get; }

    /// <summary>The Message-ID GraphMail stamped on the message: search a mailbox or message trace for it.</summary>
    public string InternetMessageId { get; }

    /// <summary>The ErrorId of <see cref="Error"/> (what a script matches on); null when Sent.</summary>
    public string? ErrorId => Error?.ErrorId;

    public SendPath Path { get; }

    /// <summary>How many times the sending request was put on the wire (0: never).</summary>
    public int Attempts { get; }

    public TimeSpan Duration { get; }

    /// <summary>Graph's request-id of the last request for this message, for a support case.</summary>
    public string? RequestId { get; }

    /// <summary>The client-request-id GraphMail sent with the last request for this message.</summary>
    public string? ClientRequestId { get; }

    /// <summary>
    /// The id of a draft GraphMail created for this message and left in the sender's mailbox (after an ambiguous
    /// /send it may still be there, unsent); null when none was left.
    /// </summary>
    public string? DraftId { get; }

    /// <summary>Where <see cref="DraftId"/> is: the sender's Drafts folder; null when no draft was left.</summary>
    public string? DraftFolder => DraftId is null ? null : DraftsFolder;

    /// <summary>Why the message is Failed, Unknown or NotSent; null when Sent.</summary>
    public GraphMailException? Error { get; }

    /// <summary>The pipeline object the message came from (an Import-Csv row, a file; several files for one message); null for the command line alone.</summary>
    public object? InputObject { get; }

    /// <summary>The To addresses one by one.</summary>
    public string[] GetToAddresses() => (string[])_to.Clone();

    /// <summary>The same result, tied to the input it came from.</summary>
    public SendResult WithInput(int inputIndex, object? inputObject) => new(this, inputIndex, inputObject);

    public override string ToString() =>
        Status + " " + InternetMessageId + " from " + From + " to " + To + ": " + Subject;
}
