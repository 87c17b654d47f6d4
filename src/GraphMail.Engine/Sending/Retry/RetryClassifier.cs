using System;
using System.Net.Http.Headers;

namespace GraphMail.Engine.Sending.Retry;

/// <summary>
/// Pure decisions about one attempt (graph-wire-spec §8). Only a request Graph clearly refused is replayed: 429, a 503
/// that says when to come back, or one that never left this machine. A 504 or a bare 5xx can come after the message
/// was queued, so a request that sends mail is never replayed after one.
/// </summary>
public static class RetryClassifier
{
    /// <summary>The verdict for an HTTP answer.</summary>
    public static Verdict ForStatus(int status, bool hasRetryAfter, RequestSafety safety)
    {
        if (status is >= 200 and < 300)
        {
            return Verdict.Succeeded;
        }

        if (status == 429 || (status == 503 && hasRetryAfter))
        {
            return Verdict.Retry;
        }

        if (status >= 500)
        {
            return safety == RequestSafety.Idempotent ? Verdict.Retry : Verdict.Ambiguous;
        }

        return Verdict.Rejected;
    }

    /// <summary>
    /// The verdict for a request that got no HTTP answer (connection refused, DNS, TLS, reset, timeout).
    /// <paramref name="bodyStarted"/> says whether any of the request body was handed to the connection.
    /// </summary>
    public static Verdict ForFailure(bool bodyStarted, RequestSafety safety) =>
        !bodyStarted || safety == RequestSafety.Idempotent ? Verdict.Retry : Verdict.Ambiguous;

    /// <summary>Retry-After as a wait: delta seconds, or an HTTP date minus <paramref name="now"/> (never negative).</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
