using System;

namespace GraphMail.Engine.Connections.Tokens;

/// <summary>
/// The token service said "not now" (429, or 503 with Retry-After): the request may be made again after
/// <see cref="RetryAfter"/>. <see cref="ConnectionTokens"/> waits it out; only when it gives up does the caller see <see cref="Error"/>.
/// </summary>
internal sealed class TokenServiceBusyException : Exception
{
    internal TokenServiceBusyException(GraphMailException error, TimeSpan retryAfter)
        : base(error.Message, error)
    {
        Error = error;
        RetryAfter = retryAfter;
    }

    /// <summary>What the caller is told when the waiting is over and the service is still busy.</summary>
    internal GraphMailException Error { get; }

    internal TimeSpan RetryAfter { get; }
}
