using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Consent;
using GraphMail.Engine.Consent.Browser;
using GraphMail.Engine.Consent.Discovery;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Consent;

/// <summary>
/// Tenant discovery end to end: the real OpenIdTenantDirectory over HTTPS to an in-process GraphMail.Sandbox, trusting
/// only its pinned certificate, through the same -Sandbox ready line a user passes.
/// </summary>
public sealed class ConsentSandboxTests : IClassFixture<SandboxFixture>
{
    private const string FabrikamId = "8ff4fa5b-3567-416c-abff-c037a09fea0b";

    private readonly SandboxFixture _sandbox;

    public ConsentSandboxTests(SandboxFixture sandbox) => _sandbox = sandbox;

    private string Authority => _sandbox.Server.AuthorityBaseUri.AbsoluteUri;

    private Task<ConsentLink> CreateAsync(string tenant, GraphMailEnvironment environment = GraphMailEnvironment.Global, ConsentUrlForm form = ConsentUrlForm.V1, string? sandbox = null)
    {
        var request = ConsentSamples.Request(tenant: tenant, form: form, environment: environment, redirectUri: "https://vendor.example/consent", skipLookup: false);
        request.Sandbox = sandbox ?? _sandbox.Server.ReadyLine;
        return new ConsentLinkService(OpenIdTenantDirectory.Default, new FakeBrowser(BrowserLaunch.Started))
            .CreateAsync(request, CancellationToken.None)
            .ContinueWith(t => t.GetAwaiter().GetResult().Link, TaskScheduler.Default);
    }

    [Theory]
    [InlineData("contoso.com")]
    [InlineData("CONTOSO.COM")]
    [InlineData("contoso.onmicrosoft.com")]
    [InlineData(SandboxDefaults.TenantId)]
    public async Task TheSeededTenantIsFoundByDomainOrId(string tenant)
    {
        var link = await CreateAsync(tenant);

        Assert.Equal(SandboxDefaults.TenantId, link.TenantId);
        Assert.Equal(("WW", "microsoftonline.com"), (link.TenantRegion, link.CloudInstance));
        Assert.StartsWith($"{Authority}{tenant.ToLowerInvariant()}/adminconsent?client_id={ConsentSamples.ClientId}&redirect_uri=", link.Url);
        Assert.Contains(link.Notes, n => n == $"This link points at the GraphMail.Sandbox at {Authority}, not at Microsoft Entra ID.");
    }

    [Fact]
    public async Task EachSeededTenantHasItsOwnId()
    {
        var link = await CreateAsync("fabrikam.com");

        Assert.Equal((FabrikamId, "fabrikam.com"), (link.TenantId, link.TenantDomain));
    }

    [Fact]
    public async Task TheV2LinkPointsAtTheSandboxAndAsksForGlobalGraph()
    {
        var link = await CreateAsync("contoso.com", form: ConsentUrlForm.V2);

        Assert.Equal(
            $"{Authority}contoso.com/v2.0/adminconsent?client_id={ConsentSamples.ClientId}&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&redirect_uri=https%3A%2F%2Fvendor.example%2Fconsent&state=s1",
            link.Url);
    }

    [Theory]
    [InlineData("nosuch.example")]
    [InlineData("99999999-0000-0000-0000-000000000000")]
    public async Task AnUnknownTenantIsNotFoundClearly(string tenant)
    {
        var error = await Assert.ThrowsAsync<GraphMailException>(() => CreateAsync(tenant));

        Assert.Equal((ErrorIds.ConsentTenantNotFound, GraphMailErrorKind.ObjectNotFound), (error.ErrorId, error.Kind));
        Assert.StartsWith($"Tenant '{tenant}' was not found in the GraphMail.Sandbox at {Authority}; check the spelling or the cloud.", error.Message);
        Assert.Equal(("AADSTS90002", (int?)400), (error.ServiceCode, error.HttpStatus));
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [Fact]
    public async Task ATenantOfAnotherCloudThanTheRequestedOneIsRefused()
    {
        // The sandbox's tenants report the Global cloud (microsoftonline.com); asking for USGov is the mismatch.
        var error = await Assert.ThrowsAsync<GraphMailException>(() => CreateAsync("contoso.com", GraphMailEnvironment.USGov));

        Assert.Equal(ErrorIds.ConsentTenantInOtherCloud, error.ErrorId);
        Assert.Equal("Run again with -Environment Global.", error.Fix);
    }

    [Fact]
    public async Task TheConnectionFileWorksLikeTheReadyLine()
    {
        var path = Path.Combine(Path.GetTempPath(), "graphmail-consent-" + Guid.NewGuid().ToString("N") + ".json");
        _sandbox.Server.WriteConnectionFile(path);
        try
        {
            Assert.Equal(SandboxDefaults.TenantId, (await CreateAsync("contoso.com", sandbox: path)).TenantId);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AnotherCertificateThanThePinnedOneIsNotTrusted()
    {
        var wrongPin = _sandbox.Server.ReadyLine.Replace(_sandbox.Server.ConnectionInfo.CertificateSha256, new string('0', 64), StringComparison.OrdinalIgnoreCase);

        var error = await Assert.ThrowsAsync<GraphMailException>(() => CreateAsync("contoso.com", sandbox: wrongPin));

        Assert.Equal((ErrorIds.ConsentTenantLookupFailed, GraphMailErrorKind.ConnectionError), (error.ErrorId, error.Kind));
    }
}
