using static GraphMail.Tests.Consent.ConsentSamples;

namespace GraphMail.Tests.Consent;

/// <summary>The link, character for character, for each form and cloud.</summary>
public sealed class ConsentUrlTests
{
    private const string Redirect = "https://vendor.example/consent";
    private const string EncodedRedirect = "https%3A%2F%2Fvendor.example%2Fconsent";

    [Theory]
    [InlineData(GraphMailEnvironment.Global, "https://login.microsoftonline.com")]
    [InlineData(GraphMailEnvironment.USGov, "https://login.microsoftonline.us")]
    [InlineData(GraphMailEnvironment.USGovDoD, "https://login.microsoftonline.us")]
    [InlineData(GraphMailEnvironment.China, "https://login.chinacloudapi.cn")]
    public void V1FormForEachCloud(GraphMailEnvironment cloud, string authority)
    {
        var link = Link(Request(environment: cloud, redirectUri: Redirect));

        Assert.Equal($"{authority}/contoso.com/adminconsent?client_id={ClientId}&redirect_uri={EncodedRedirect}&state=s1", link.Url);
        Assert.Equal(ConsentUrlForm.V1, link.Form);
        Assert.Equal(cloud, link.Environment);
    }

    [Theory]
    [InlineData(GraphMailEnvironment.Global, "https://login.microsoftonline.com", "graph.microsoft.com")]
    [InlineData(GraphMailEnvironment.USGov, "https://login.microsoftonline.us", "graph.microsoft.us")]
    [InlineData(GraphMailEnvironment.USGovDoD, "https://login.microsoftonline.us", "dod-graph.microsoft.us")]
    [InlineData(GraphMailEnvironment.China, "https://login.chinacloudapi.cn", "microsoftgraph.chinacloudapi.cn")]
    public void V2FormForEachCloudAsksForTheCloudsGraphDefaultScope(GraphMailEnvironment cloud, string authority, string graphHost)
    {
        var link = Link(Request(form: ConsentUrlForm.V2, environment: cloud, redirectUri: Redirect));

        Assert.Equal(
            $"{authority}/contoso.com/v2.0/adminconsent?client_id={ClientId}&scope=https%3A%2F%2F{graphHost}%2F.default&redirect_uri={EncodedRedirect}&state=s1",
            link.Url);
    }

    [Fact]
    public void V1WithoutRedirectUriIsTheVendorGuidesLinkPlusState() =>
        Assert.Equal(
            $"https://login.microsoftonline.com/contoso.com/adminconsent?client_id={ClientId}&state=s1",
            Link(Request()).Url);

    [Theory]
    [InlineData("organizations", ConsentUrlForm.V1, "https://login.microsoftonline.com/organizations/adminconsent?")]
    [InlineData("common", ConsentUrlForm.V1, "https://login.microsoftonline.com/common/adminconsent?")]
    [InlineData("Organizations", ConsentUrlForm.V2, "https://login.microsoftonline.com/organizations/v2.0/adminconsent?")]
    [InlineData("AAAABBBB-0000-CCCC-1111-DDDD2222EEEE", ConsentUrlForm.V1, "https://login.microsoftonline.com/aaaabbbb-0000-cccc-1111-dddd2222eeee/adminconsent?")]
    [InlineData("Contoso.COM", ConsentUrlForm.V1, "https://login.microsoftonline.com/contoso.com/adminconsent?")]
    [InlineData("contoso.onmicrosoft.com.", ConsentUrlForm.V1, "https://login.microsoftonline.com/contoso.onmicrosoft.com/adminconsent?")]
    [InlineData("bücher.example", ConsentUrlForm.V1, "https://login.microsoftonline.com/xn--bcher-kva.example/adminconsent?")]
    public void TenantGoesIntoThePathNormalised(string tenant, ConsentUrlForm form, string expectedStart) =>
        Assert.StartsWith(expectedStart, Link(Request(tenant: tenant, form: form, redirectUri: Redirect)).Url);

    [Fact]
    public void ClientIdIsWrittenInLowercase() =>
        Assert.Contains("client_id=" + ClientId + "&", Link(Request(clientId: ClientId.ToUpperInvariant())).Url);

    [Fact]
    public void TenantFieldsFollowHowTheTenantWasNamedWhenNotLookedUp()
    {
        var byDomain = Link(Request(tenant: "Contoso.com"));
        var byId = Link(Request(tenant: TenantId));
        var byKeyword = Link(Request(tenant: "organizations"));

        Assert.Equal(("contoso.com", string.Empty), (byDomain.TenantDomain, byDomain.TenantId));
        Assert.Equal((string.Empty, TenantId), (byId.TenantDomain, byId.TenantId));
        Assert.Equal((string.Empty, string.Empty), (byKeyword.TenantDomain, byKeyword.TenantId));
    }

    [Fact]
    public void LinkShowsAsItsUrl()
    {
        var link = Link(Request());
        Assert.Equal(link.Url, link.ToString());
    }
}
