using System;

namespace GraphMail.Engine.Sending.Http;

/// <summary>How a request ended after its retries.</summary>
internal enum CallEnd
{
    /// <summary>2xx.</summary>
    Succeeded,

    /// <summary>A definitive HTTP refusal; Status and Body say which.</summary>
    Rejected,

    /// <summary>It may have been processed; no answer tells.</summary>
    Ambiguous,

    /// <summary>Refused each time (429, 503 with Retry-After, no connection) until the retry budget ran out.</summary>
    Exhausted,

    /// <summary>Stopped (Ctrl+C) before it was sent again; anything sent before was refused.</summary>
    Stopped,
}

/// <summary>The end of one request, with what the send result and error need.</summary>
internal sealed class CallOutcome
{
    internal CallOutcome(CallEnd end, int attempts, int? status, string? body, string? location, string? requestId, string? clientRequestId, Exception? failure, Uri? uri = null)
    {
        Uri = uri;
        End = end;
        Attempts = attempts;
        Status = status;
        Body = body;
        Location = location;
        RequestId = requestId;
        ClientRequestId = clientRequestId;
        Failure = failure;
    }

    internal CallEnd End { get; }

    /// <summary>Times the request went on the wire (a body refused before the connection opened counts too).</summary>
    internal int Attempts { get; }

    internal int? Status { get; }

    internal string? Body { get; }

    internal string? Location { get; }

    internal string? RequestId { get; }

    internal string? ClientRequestId { get; }

    /// <summary>Where the request went.</summary>
    internal Uri? Uri { get; }

    /// <summary>The exception of the last attempt that got no HTTP answer.</summary>
    internal Exception? Failure { get; }
}
