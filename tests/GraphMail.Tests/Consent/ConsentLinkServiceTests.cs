using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Consent.Browser;
using static GraphMail.Tests.Consent.ConsentSamples;

namespace GraphMail.Tests.Consent;

/// <summary>What the link carries from the lookup, the cloud check, its notes, and -Open.</summary>
public sealed class ConsentLinkServiceTests
{
    [Fact]
    public void ADomainIsLookedUpInTheCloudAndTheLinkCarriesWhatTheVendorAsksFor()
    {
        var directory = FakeTenantDirectory.Answering(TenantId, "microsoftonline.com", "EU");

        var link = Link(Request(tenant: "Contoso.com", skipLookup: false), directory);

        Assert.Equal(("contoso.com", TenantId, ClientId, GraphMailEnvironment.Global), (link.TenantDomain, link.TenantId, link.ClientId, link.Environment));
        Assert.Equal(("EU", "microsoftonline.com"), (link.TenantRegion, link.CloudInstance));
        Assert.Equal((new Uri("https://login.microsoftonline.com/"), "contoso.com", "Global (login.microsoftonline.com)"), directory.Calls.Single());
    }

    [Fact]
    public void ANationalCloudIsAskedAtItsOwnSignInHost()
    {
        var directory = FakeTenantDirectory.Answering(TenantId, "partner.microsoftonline.cn");

        Link(Request(environment: GraphMailEnvironment.China, skipLookup: false), directory);

        Assert.Equal((new Uri("https://login.chinacloudapi.cn/"), "contoso.com", "China (login.chinacloudapi.cn)"), directory.Calls.Single());
    }

    [Fact]
    public void ATenantIdIsLookedUpToo()
    {
        var directory = FakeTenantDirectory.Answering(TenantId);

        var link = Link(Request(tenant: TenantId, skipLookup: false), directory);

        Assert.Equal(TenantId, directory.Calls.Single().Tenant);
        Assert.Equal((string.Empty, TenantId), (link.TenantDomain, link.TenantId));
    }

    [Theory]
    [InlineData("organizations")]
    [InlineData("common")]
    public void AKeywordIsNotLookedUpAndSaysWhereTheTenantIdWillComeFrom(string keyword)
    {
        var link = Link(Request(tenant: keyword, skipLookup: false), FakeTenantDirectory.MustNotBeCalled());

        Assert.Equal(string.Empty, link.TenantId);
        Assert.Contains(link.Notes, n => n.StartsWith($"'{keyword}' lets the admin's own tenant be chosen at sign-in", StringComparison.Ordinal));
    }

    [Fact]
    public void SkippingTheLookupSaysSo()
    {
        var link = Link(Request(skipLookup: true), FakeTenantDirectory.MustNotBeCalled());

        Assert.Contains(link.Notes, n => n.StartsWith("Tenant lookup skipped (-SkipTenantLookup)", StringComparison.Ordinal));
        Assert.Equal((string.Empty, string.Empty), (link.TenantRegion, link.CloudInstance));
    }

    [Fact]
    public void V1WithoutRedirectUriSaysWhereTheBrowserLands()
    {
        Assert.Contains(Link(Request()).Notes, n => n.Contains("AADSTS500113", StringComparison.Ordinal));
        Assert.DoesNotContain(Link(Request(redirectUri: "https://vendor.example/cb")).Notes, n => n.Contains("AADSTS500113", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(GraphMailEnvironment.Global, "microsoftonline.us", "USGov or USGovDoD cloud (microsoftonline.us), not in Global", "-Environment USGov or -Environment USGovDoD")]
    [InlineData(GraphMailEnvironment.USGov, "microsoftonline.com", "Global cloud (microsoftonline.com), not in USGov", "-Environment Global")]
    [InlineData(GraphMailEnvironment.China, "microsoftonline.com", "Global cloud (microsoftonline.com), not in China", "-Environment Global")]
    [InlineData(GraphMailEnvironment.Global, "PARTNER.microsoftonline.cn", "China cloud (PARTNER.microsoftonline.cn), not in Global", "-Environment China")]
    public void ATenantInAnotherCloudIsRefusedWithTheRightEnvironment(GraphMailEnvironment requested, string reported, string cause, string fix)
    {
        var error = Error(Request(environment: requested, skipLookup: false), FakeTenantDirectory.Answering(TenantId, reported));

        Assert.Equal((ErrorIds.ConsentTenantInOtherCloud, GraphMailErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
        Assert.Contains("Tenant 'contoso.com' lives in the " + cause, error.Message);
        Assert.Equal("Run again with " + fix + ".", error.Fix);
    }

    [Theory]
    [InlineData(GraphMailEnvironment.USGov)]
    [InlineData(GraphMailEnvironment.USGovDoD)]
    public void BothUsGovernmentCloudsAcceptAMicrosoftOnlineUsTenant(GraphMailEnvironment cloud) =>
        Assert.Empty(Link(Request(environment: cloud, skipLookup: false, redirectUri: "https://v.example/"), FakeTenantDirectory.Answering(TenantId, "microsoftonline.us")).Notes);

    [Fact]
    public void AnUnknownCloudInstanceIsANoteNotAnError()
    {
        var link = Link(Request(skipLookup: false, redirectUri: "https://v.example/"), FakeTenantDirectory.Answering(TenantId, "contoso.b2clogin.com"));

        Assert.Equal("Tenant 'contoso.com' reports the cloud instance 'contoso.b2clogin.com', which GraphMail does not know; check that -Environment Global is right.", link.Notes.Single());
    }

    [Fact]
    public async Task OpenHandsTheExactLinkToTheBrowser()
    {
        var browser = new FakeBrowser(BrowserLaunch.Started);
        var request = Request();
        request.OpenInBrowser = true;

        var result = await Service(browser: browser).CreateAsync(request, CancellationToken.None);

        Assert.Equal(result.Link.Url, browser.Opened.Single());
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task WithoutABrowserTheWarningSaysWhyAndWhereToPasteTheLink()
    {
        var browser = new FakeBrowser(BrowserLaunch.NotStarted("there is no graphical display here"));
        var request = Request();
        request.OpenInBrowser = true;

        var result = await Service(browser: browser).CreateAsync(request, CancellationToken.None);

        Assert.Equal(
            "No browser was opened: there is no graphical display here. Paste this link into a browser where an administrator of the tenant can sign in: " + result.Link.Url,
            result.Warnings.Single());
    }

    [Fact]
    public async Task NoBrowserIsTouchedWithoutOpen()
    {
        var browser = new FakeBrowser(BrowserLaunch.Started);

        await Service(browser: browser).CreateAsync(Request(), CancellationToken.None);

        Assert.Empty(browser.Opened);
    }
}
