using System;
using System.Collections.Generic;
using GraphMail.Engine.Entra;

namespace GraphMail.Engine.Consent.Responses;

/// <summary>
/// Reads the admin's answer from the address the browser landed on: <c>?admin_consent=True&amp;tenant=…&amp;state=…</c>
/// or <c>?error=…&amp;error_description=…</c>, in the query or the fragment. It claims no more than the address says.
/// </summary>
public static class ConsentResponseReader
{
    private static readonly string UntrustedTenant =
        "ReportedTenantId is only what the address says, and anyone can type such an address: confirm the tenant "
        + "(for example by connecting to it with the app) before relying on it.";

    /// <param name="responseUri">The whole address from the browser's address bar.</param>
    /// <param name="expectedState">The link's state; null or empty to skip the check.</param>
    /// <param name="expectedTenantId">The link's tenant ID; null or empty when the link named none.</param>
    /// <param name="linkTenantDomain">The link's tenant domain, when it named one: without its ID (-SkipTenantLookup) the answer's tenant cannot be compared.</param>
    public static ConsentResponse Read(string? responseUri, string? expectedState, string? expectedTenantId, string? linkTenantDomain = null)
    {
        var address = (responseUri ?? string.Empty).Trim();
        var parameters = Parse(address);
        var error = parameters["error"];
        var description = parameters["error_description"];
        var code = EntraErrorResponse.Text(EntraErrorResponse.CodeIn(description)) ?? string.Empty;
        var state = parameters["state"];
        var tenant = parameters["tenant"];
        var expected = expectedState ?? string.Empty;
        bool? stateMatches = expected.Length > 0 ? string.Equals(state, expected, StringComparison.Ordinal) : null;

        var (outcome, cause, fix) = error.Length > 0 ? Failure(error, code, description)
            : string.Equals(parameters["admin_consent"], "True", StringComparison.OrdinalIgnoreCase)
                ? (ConsentOutcome.Granted, "The answer says the admin granted consent to the app" + (tenant.Length > 0 ? $" in tenant {tenant}." : "."), string.Empty)
                : (ConsentOutcome.Failed, $"The answer says admin_consent='{parameters["admin_consent"]}' and names no error: consent was not granted.", "Open the consent link again.");

        if (stateMatches == false)
        {
            (outcome, cause, fix) = (ConsentOutcome.StateMismatch,
                (state.Length == 0 ? "The answer carries no state" : $"The answer's state '{state}' is not the link's '{expected}'") + ": it answers another request, or was forged; do not trust it.",
                "Open the link this state belongs to (Get-GraphMailConsentUrl's State) and read back that answer.");
        }
        else if (outcome == ConsentOutcome.Granted && IsOtherTenant(tenant, expectedTenantId))
        {
            (outcome, cause, fix) = (ConsentOutcome.TenantMismatch,
                $"The answer names tenant {tenant}, but the link was made for tenant {expectedTenantId}: the admin signed in to another tenant, or the answer was forged.",
                "Open the link again and sign in as an administrator of the link's tenant.");
        }

        var notes = new List<string>();
        if (tenant.Length > 0)
        {
            notes.Add(UntrustedTenant);
        }

        if (outcome == ConsentOutcome.Granted && tenant.Length > 0 && string.IsNullOrEmpty(expectedTenantId) && !string.IsNullOrEmpty(linkTenantDomain))
        {
            notes.Add($"The link names tenant {linkTenantDomain} without its ID (made with -SkipTenantLookup), so the answer's tenant {tenant} could not be compared with it: "
                + $"make the link without -SkipTenantLookup, or check that {linkTenantDomain} is tenant {tenant}.");
        }

        if (stateMatches is null)
        {
            notes.Add("No expected state was given, so the answer's state was not checked: it could answer another request. Pass -ExpectedState or -ConsentLink.");
        }

        return new ConsentResponse(outcome, tenant, state, expected, stateMatches, parameters["scope"], error, code, description, cause, fix, address, notes);
    }

    private static (ConsentOutcome, string, string) Failure(string error, string code, string description)
    {
        var advice = ConsentErrorAdvice.For(error, code, EntraErrorResponse.FirstLineOf(description) ?? string.Empty);
        var declined = error is "permission_denied" or "access_denied" || code == "AADSTS65004";
        return (declined ? ConsentOutcome.Declined : ConsentOutcome.Failed, advice.Cause, advice.Fix);
    }

    private static ResponseParameters Parse(string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw Invalid(address, "it is not an absolute http or https address");
        }

        var parameters = ResponseParameters.Of(address);
        if (parameters.Path.EndsWith("/adminconsent", StringComparison.OrdinalIgnoreCase) && parameters.Has("client_id"))
        {
            throw Invalid(address, "it is the consent link itself, not the address the browser landed on after the consent screen");
        }

        return parameters.Has("admin_consent") || parameters.Has("error") || parameters.Has("tenant")
            ? parameters
            : throw Invalid(address, "it carries no admin-consent answer (no admin_consent, error or tenant parameter)");
    }

    private static bool IsOtherTenant(string reported, string? expected) =>
        reported.Length > 0 && Guid.TryParse(expected, out var expectedId) && !(Guid.TryParse(reported, out var reportedId) && reportedId == expectedId);

    private static GraphMailException Invalid(string address, string why) =>
        new(ErrorIds.InvalidConsentResponse, GraphMailErrorKind.InvalidArgument,
            $"'{(address.Length <= 200 ? address : address.Substring(0, 197) + "...")}' cannot be read as a consent answer: {why}.",
            "After the admin answers the consent screen, copy the whole address from the browser's address bar and pass that.");
}
