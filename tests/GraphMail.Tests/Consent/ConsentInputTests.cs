using static GraphMail.Tests.Consent.ConsentSamples;

namespace GraphMail.Tests.Consent;

/// <summary>Every input rule: each bad value gives an InvalidArgument error that names the value and the rule.</summary>
public sealed class ConsentInputTests
{
    private static void AssertRejected(GraphMailException error, string errorId, string value, string rule)
    {
        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(GraphMailErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("'" + value + "'", error.Message);
        Assert.Contains(rule, error.Message);
        Assert.False(string.IsNullOrEmpty(error.Fix));
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("11111111222233334444555555555555")]
    [InlineData("{11111111-2222-3333-4444-555555555555}")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("")]
    public void ClientIdMustBeANonZeroGuid(string clientId) =>
        AssertRejected(Error(Request(clientId: clientId)), ErrorIds.InvalidConsentClientId, clientId, "non-zero GUID");

    [Theory]
    [InlineData("contoso", "at least two labels")]
    [InlineData("contoso_ltd.com", "has the character '_'")]
    [InlineData("-contoso.com", "must not start or end with a hyphen")]
    [InlineData("contoso-.com", "must not start or end with a hyphen")]
    [InlineData("10.0.0.1", "looks like an IP address")]
    [InlineData("admin@contoso.com", "use the part after '@' (contoso.com)")]
    [InlineData("https://contoso.com", "has the character ':'")]
    [InlineData("consumers", "personal Microsoft accounts")]
    [InlineData("contoso..com", "1 to 63 characters")]
    [InlineData("bücher..example", "neither a GUID nor a valid international domain name")]
    public void TenantMustBeAGuidADomainOrAKeyword(string tenant, string rule) =>
        AssertRejected(Error(Request(tenant: tenant)), ErrorIds.InvalidConsentTenant, tenant, rule);

    [Fact]
    public void TenantLabelsHaveAtMost63Characters()
    {
        var label = new string('a', 64);
        AssertRejected(Error(Request(tenant: label + ".com")), ErrorIds.InvalidConsentTenant, label + ".com", "1 to 63 characters");
    }

    [Fact]
    public void EmptyTenantIsNamedAsEmpty() =>
        AssertRejected(Error(Request(tenant: "  ")), ErrorIds.InvalidConsentTenant, "(empty)", "it is empty");

    [Fact]
    public void CommonIsRefusedByTheV2Form()
    {
        var error = Error(Request(tenant: "common", form: ConsentUrlForm.V2, redirectUri: "https://vendor.example/cb"));

        AssertRejected(error, ErrorIds.ConsentTenantNotAllowedInForm, "common", "never 'common'");
        Assert.Contains("-Tenant organizations", error.Fix);
    }

    [Fact]
    public void V2FormNeedsARedirectUri()
    {
        var error = Error(Request(form: ConsentUrlForm.V2));

        Assert.Equal(ErrorIds.ConsentRedirectUriRequired, error.ErrorId);
        Assert.Equal(GraphMailErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("-RedirectUri", error.Message);
    }

    [Theory]
    [InlineData("vendor.example/cb", "not an absolute URL")]
    [InlineData("http://vendor.example/cb", "must use https")]
    [InlineData("ftp://vendor.example/cb", "must use https")]
    [InlineData("http://[::1]/cb", "must use https")]
    [InlineData("https://vendor.example/cb#done", "fragment")]
    [InlineData("https://vendor.example/cb?x=(1)", "contains '('")]
    [InlineData("https://vendor.example/cb;v=1", "contains ';'")]
    [InlineData(" https://vendor.example/cb", "white space")]
    [InlineData("https://vendor.example/\tcb", "U+0009")]
    public void RedirectUriMustBeAnAbsoluteHttpsUrlEntraIdAccepts(string redirectUri, string rule) =>
        AssertRejected(Error(Request(redirectUri: redirectUri)), ErrorIds.InvalidConsentRedirectUri, redirectUri.Replace("\t", "\\u0009"), rule);

    [Fact]
    public void RedirectUriHasAtMost256Characters()
    {
        var redirect = "https://vendor.example/" + new string('a', 256 - 23 + 1);
        AssertRejected(Error(Request(redirectUri: redirect)), ErrorIds.InvalidConsentRedirectUri, redirect, "at most 256");
    }

    [Fact]
    public void RedirectUriOf256CharactersIsAccepted() =>
        Assert.Contains("redirect_uri=", Link(Request(redirectUri: "https://vendor.example/" + new string('a', 256 - 23))).Url);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void StateMustNotBeBlank(string state) =>
        AssertRejected(Error(Request(state: state)), ErrorIds.InvalidConsentState, state, "empty or blank");

    [Theory]
    [InlineData(0x0A)]
    [InlineData(0xD800)]
    [InlineData(0xDC00)]
    public void StateMustBeEncodable(int character)
    {
        var error = Error(Request(state: "a" + (char)character + "b"));

        Assert.Equal(ErrorIds.InvalidConsentState, error.ErrorId);
        Assert.Contains($"U+{character:X4}", error.Message);
    }

    [Fact]
    public void InputIsCheckedBeforeTheTenantIsLookedUp()
    {
        var directory = FakeTenantDirectory.MustNotBeCalled();

        var error = Error(Request(redirectUri: "http://vendor.example/cb", skipLookup: false), directory);

        Assert.Equal(ErrorIds.InvalidConsentRedirectUri, error.ErrorId);
        Assert.Empty(directory.Calls);
    }

    [Fact]
    public void SandboxEndpointIsCheckedBeforeTheTenantIsLookedUp()
    {
        var directory = FakeTenantDirectory.MustNotBeCalled();
        var request = Request(skipLookup: false);
        request.Sandbox = "{\"authority\":\"https://login.example/\",\"graph\":\"https://127.0.0.1:1/v1.0\",\"certificateSha256\":\"AB\"}";

        Assert.Equal(ErrorIds.InvalidSandboxEndpoint, Error(request, directory).ErrorId);
        Assert.Empty(directory.Calls);
    }
}
