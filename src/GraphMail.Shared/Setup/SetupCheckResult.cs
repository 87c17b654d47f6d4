using System;

namespace GraphMail;

/// <summary>One line of Test-GraphMailSetup's answer: which layer, how it went, what was seen, and what to do.</summary>
public sealed class SetupCheckResult
{
    public SetupCheckResult(
        SetupCheck check,
        SetupCheckStatus status,
        string detail,
        string? remedy = null,
        DateTimeOffset? retryAfter = null,
        string? serviceCode = null,
        string? requestId = null)
    {
        Check = check;
        Status = status;
        Detail = detail ?? string.Empty;
        Remedy = remedy ?? string.Empty;
        RetryAfter = retryAfter;
        ServiceCode = serviceCode;
        RequestId = requestId;
    }

    public SetupCheck Check { get; }

    public SetupCheckStatus Status { get; }

    /// <summary>What was seen, in one or two sentences.</summary>
    public string Detail { get; }

    /// <summary>The exact command or portal step that fixes it; empty when there is nothing to do.</summary>
    public string Remedy { get; }

    /// <summary>When a change that is still propagating should have reached Graph; null otherwise.</summary>
    public DateTimeOffset? RetryAfter { get; }

    /// <summary>What the service answered: an AADSTS code, or a Graph code such as ErrorAccessDenied.</summary>
    public string? ServiceCode { get; }

    /// <summary>Graph's request-id or Entra ID's trace id, for a support case.</summary>
    public string? RequestId { get; }

    public override string ToString() => Check + ": " + Status + " - " + Detail + (Remedy.Length == 0 ? string.Empty : " Remedy: " + Remedy);
}
