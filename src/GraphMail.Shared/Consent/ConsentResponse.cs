using System.Collections.Generic;

namespace GraphMail;

/// <summary>
/// The admin's answer, read from the address the browser landed on after the consent screen. Only what that
/// address says: anyone can type such an address, so nothing here proves that consent exists in the tenant.
/// </summary>
public sealed class ConsentResponse
{
    public ConsentResponse(
        ConsentOutcome outcome,
        string reportedTenantId,
        string state,
        string expectedState,
        bool? stateMatches,
        string scope,
        string error,
        string errorCode,
        string errorDescription,
        string cause,
        string fix,
        string responseUri,
        IReadOnlyList<string> notes)
    {
        Outcome = outcome;
        ReportedTenantId = reportedTenantId;
        State = state;
        ExpectedState = expectedState;
        StateMatches = stateMatches;
        Scope = scope;
        Error = error;
        ErrorCode = errorCode;
        ErrorDescription = errorDescription;
        Cause = cause;
        Fix = fix;
        ResponseUri = responseUri;
        Notes = notes;
    }

    /// <summary>True only for <see cref="ConsentOutcome.Granted"/>.</summary>
    public bool Granted => Outcome == ConsentOutcome.Granted;

    public ConsentOutcome Outcome { get; }

    /// <summary>The tenant parameter of the answer, unverified; empty when absent.</summary>
    public string ReportedTenantId { get; }

    public string State { get; }

    /// <summary>The state the link was made with; empty when none was given to compare.</summary>
    public string ExpectedState { get; }

    /// <summary>Whether <see cref="State"/> equals <see cref="ExpectedState"/>; null when there was nothing to compare.</summary>
    public bool? StateMatches { get; }

    /// <summary>The scope parameter of a v2 answer; empty for v1.</summary>
    public string Scope { get; }

    /// <summary>The OAuth error value, such as permission_denied or invalid_request; empty on success.</summary>
    public string Error { get; }

    /// <summary>The AADSTS code named in error_description, such as AADSTS50011; empty when there is none.</summary>
    public string ErrorCode { get; }

    public string ErrorDescription { get; }

    /// <summary>One line: what the answer means.</summary>
    public string Cause { get; }

    /// <summary>One line: what to do next; empty when nothing is needed.</summary>
    public string Fix { get; }

    /// <summary>The address as given.</summary>
    public string ResponseUri { get; }

    public IReadOnlyList<string> Notes { get; }
}
