namespace GraphMail.Engine.Sending.Retry;

/// <summary>What to do after one attempt of a request.</summary>
public enum Verdict
{
    /// <summary>2xx: done.</summary>
    Succeeded,

    /// <summary>Refused without being processed (429, 503 with Retry-After, or never written): wait and try again.</summary>
    Retry,

    /// <summary>A definitive refusal (4xx; a 401 after the connection already renewed its token once): the request was not processed and trying again will not help.</summary>
    Rejected,

    /// <summary>It may have been processed (504, 5xx without Retry-After, a failure after the body was written): never replay.</summary>
    Ambiguous,
}
