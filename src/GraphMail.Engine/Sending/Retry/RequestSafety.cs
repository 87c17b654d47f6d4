namespace GraphMail.Engine.Sending.Retry;

/// <summary>What replaying a request could do, which decides when it may be retried.</summary>
public enum RequestSafety
{
    /// <summary>sendMail and /send: a replay after the request may have been processed can deliver the mail twice.</summary>
    SendsMail,

    /// <summary>Creating a draft, attachment or upload session: a replay can leave an extra draft behind, never a second mail.</summary>
    Creates,

    /// <summary>Upload PUTs (ranges) and DELETE: replaying gives the same state.</summary>
    Idempotent,
}
