using GraphMail.Engine.Consent.Responses;
using static GraphMail.Tests.Consent.ConsentSamples;

namespace GraphMail.Tests.Consent;

/// <summary>Reading the admin's answer back: granted, cancelled, failed; state and tenant checks; query or fragment.</summary>
public sealed class ConsentResponseReaderTests
{
    private const string Landing = "https://vendor.example/consent";

    private static ConsentResponse Read(string address, string? expectedState = State, string? expectedTenant = null) =>
        ConsentResponseReader.Read(address, expectedState, expectedTenant);

    [Fact]
    public void GrantedWhenAdminConsentIsTrueAndTheStateMatches()
    {
        var answer = Read($"{Landing}?admin_consent=True&tenant={TenantId}&state=s1");

        Assert.True(answer.Granted);
        Assert.Equal(ConsentOutcome.Granted, answer.Outcome);
        Assert.Equal((TenantId, "s1", "s1", (bool?)true), (answer.ReportedTenantId, answer.State, answer.ExpectedState, answer.StateMatches));
        Assert.Equal($"The answer says the admin granted consent to the app in tenant {TenantId}.", answer.Cause);
        Assert.Equal(string.Empty, answer.Fix);
    }

    [Fact]
    public void TheReportedTenantIsNeverCalledTrusted()
    {
        var answer = Read($"{Landing}?admin_consent=True&tenant={TenantId}&state=s1");

        Assert.Contains(answer.Notes, n => n.StartsWith("ReportedTenantId is only what the address says, and anyone can type such an address", System.StringComparison.Ordinal));
    }

    [Fact]
    public void TheV2AnswerAlsoCarriesItsScope()
    {
        var answer = Read($"{Landing}?admin_consent=True&tenant={TenantId}&scope=https%3a%2f%2fgraph.microsoft.com%2f.default&state=s1");

        Assert.True(answer.Granted);
        Assert.Equal("https://graph.microsoft.com/.default", answer.Scope);
    }

    [Fact]
    public void AnAnswerInTheFragmentReadsTheSame()
    {
        var answer = Read($"{Landing}#admin_consent=True&tenant={TenantId}&state=s1");

        Assert.True(answer.Granted);
        Assert.Equal(TenantId, answer.ReportedTenantId);
    }

    [Fact]
    public void TheQueryWinsOverTheFragment()
    {
        var answer = Read($"{Landing}?state=s1&admin_consent=True#state=forged");

        Assert.Equal("s1", answer.State);
        Assert.True(answer.Granted);
    }

    [Theory]
    [InlineData("?admin_consent=True&tenant=t&state=other", "The answer's state 'other' is not the link's 's1'")]
    [InlineData("?admin_consent=True&tenant=t", "The answer carries no state")]
    [InlineData("?admin_consent=True&state=S1", "The answer's state 'S1' is not the link's 's1'")]
    public void AStateMismatchIsFlaggedAndNotGranted(string query, string cause)
    {
        var answer = Read(Landing + query);

        Assert.False(answer.Granted);
        Assert.Equal(ConsentOutcome.StateMismatch, answer.Outcome);
        Assert.False(answer.StateMatches);
        Assert.StartsWith(cause + ": it answers another request, or was forged; do not trust it.", answer.Cause);
    }

    [Fact]
    public void AStateMismatchOutranksAnErrorButKeepsIt()
    {
        var answer = Read(Landing + "?error=access_denied&error_description=AADSTS65004%3a+declined&state=x");

        Assert.Equal(ConsentOutcome.StateMismatch, answer.Outcome);
        Assert.Equal(("access_denied", "AADSTS65004"), (answer.Error, answer.ErrorCode));
    }

    [Fact]
    public void WithoutAnExpectedStateNothingIsComparedAndTheNoteSaysSo()
    {
        var answer = Read($"{Landing}?admin_consent=True&state=anything", expectedState: null);

        Assert.True(answer.Granted);
        Assert.Null(answer.StateMatches);
        Assert.Contains(answer.Notes, n => n.StartsWith("No expected state was given", System.StringComparison.Ordinal));
    }

    [Fact]
    public void AnotherTenantThanTheLinksIsFlaggedAndNotGranted()
    {
        var answer = Read($"{Landing}?admin_consent=True&tenant=99999999-0000-0000-0000-000000000000&state=s1", expectedTenant: TenantId);

        Assert.Equal(ConsentOutcome.TenantMismatch, answer.Outcome);
        Assert.False(answer.Granted);
        Assert.Contains($"but the link was made for tenant {TenantId}", answer.Cause);
    }

    [Theory]
    [InlineData(TenantId)]
    [InlineData("AAAABBBB-0000-CCCC-1111-DDDD2222EEEE")]
    [InlineData("")]
    public void TheLinksOwnTenantOrNoneToCompareIsFine(string expectedTenant) =>
        Assert.True(Read($"{Landing}?admin_consent=True&tenant={TenantId}&state=s1", expectedTenant: expectedTenant).Granted);

    [Fact]
    public void TheAdminCancellingIsDeclined()
    {
        var answer = Read(Landing + "?error=permission_denied&error_description=The+admin+canceled+the+request&state=s1");

        Assert.Equal(ConsentOutcome.Declined, answer.Outcome);
        Assert.Equal(("permission_denied", string.Empty, "The admin canceled the request"), (answer.Error, answer.ErrorCode, answer.ErrorDescription));
        Assert.Equal("The admin cancelled the consent screen.", answer.Cause);
        Assert.True(answer.StateMatches);
    }

    [Fact]
    public void AnErrorOutranksAdminConsentTrue()
    {
        // The v2 error answer carries admin_consent=True too (Entra ID's admin-consent protocol page).
        var answer = Read(Landing + "?admin_consent=True&error=consent_required&error_description=AADSTS65004%3a+The+resource+owner+or+authorization+server+denied+the+request.%0d%0aTrace+ID%3a+x&state=s1");

        Assert.Equal(ConsentOutcome.Declined, answer.Outcome);
        Assert.Equal("AADSTS65004", answer.ErrorCode);
        Assert.Equal("The admin declined the consent screen.", answer.Cause);
        Assert.StartsWith("AADSTS65004: The resource owner or authorization server denied the request.\r\nTrace ID: x", answer.ErrorDescription);
    }

    [Theory]
    [InlineData("AADSTS50011", "does not match any reply URL registered on the app")]
    [InlineData("AADSTS500113", "The app has no reply URL registered")]
    [InlineData("AADSTS700016", "No application with this client ID exists in that tenant's cloud")]
    [InlineData("AADSTS90002", "The tenant in the link was not found in this cloud.")]
    [InlineData("AADSTS65001", "No consent exists yet for the app in this tenant.")]
    [InlineData("AADSTS90094", "cannot grant admin consent")]
    [InlineData("AADSTS50020", "does not belong to the tenant in the link")]
    [InlineData("AADSTS50194", "single-tenant")]
    [InlineData("AADSTS650056", "lists no permissions")]
    public void CommonAdminConsentCodesGetACauseAndAFix(string code, string cause)
    {
        var answer = Read($"{Landing}?error=invalid_request&error_description={code}%3a+Something.&state=s1");

        Assert.Equal(ConsentOutcome.Failed, answer.Outcome);
        Assert.Equal(code, answer.ErrorCode);
        Assert.Contains(cause, answer.Cause);
        Assert.False(string.IsNullOrEmpty(answer.Fix));
    }

    [Fact]
    public void AnUnknownCodeIsStillShownWithWhereToLookItUp()
    {
        var answer = Read($"{Landing}?error=invalid_request&error_description=AADSTS999999%3a+Brand+new+failure.%0d%0aTrace+ID%3a+t&state=s1");

        Assert.Equal("AADSTS999999", answer.ErrorCode);
        Assert.Equal("Entra ID rejected the link: a parameter is missing, wrong, or was changed on the way. (AADSTS999999)", answer.Cause);
        Assert.EndsWith("Look AADSTS999999 up at https://login.microsoftonline.com/error?code=999999.", answer.Fix);
    }

    [Fact]
    public void AnUnknownErrorWithoutACodeShowsTheDescription()
    {
        var answer = Read($"{Landing}?error=brand_new&error_description=Something+odd%0d%0aTrace+ID%3a+t&state=s1");

        Assert.Equal(ConsentOutcome.Failed, answer.Outcome);
        Assert.Equal("Entra ID answered 'brand_new': Something odd", answer.Cause);
    }

    [Fact]
    public void AdminConsentOtherThanTrueIsNotGranted()
    {
        var answer = Read($"{Landing}?admin_consent=False&state=s1");

        Assert.Equal(ConsentOutcome.Failed, answer.Outcome);
        Assert.Contains("admin_consent='False'", answer.Cause);
    }

    [Theory]
    [InlineData("", "not an absolute http or https address")]
    [InlineData("admin_consent=True&state=s1", "not an absolute http or https address")]
    [InlineData("ftp://vendor.example/?admin_consent=True", "not an absolute http or https address")]
    [InlineData("https://vendor.example/consent?code=abc", "carries no admin-consent answer")]
    [InlineData("https://login.microsoftonline.com/contoso.com/adminconsent?client_id=11111111-2222-3333-4444-555555555555&state=s1", "it is the consent link itself")]
    public void SomethingThatIsNotAnAnswerIsRefused(string address, string why)
    {
        var error = Assert.Throws<GraphMailException>(() => Read(address));

        Assert.Equal((ErrorIds.InvalidConsentResponse, GraphMailErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
        Assert.Contains($"'{address}' cannot be read as a consent answer: ", error.Message);
        Assert.Contains(why, error.Message);
    }

    [Fact]
    public void TheAddressIsKeptAsGivenTrimmed()
    {
        var answer = Read($"  {Landing}?admin_consent=True&state=s1 ");
        Assert.Equal($"{Landing}?admin_consent=True&state=s1", answer.ResponseUri);
        Assert.Empty(answer.Notes);
    }
}
