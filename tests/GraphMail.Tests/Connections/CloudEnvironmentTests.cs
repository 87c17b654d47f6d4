using System;
using System.Linq;
using GraphMail.Engine.Connections;
using GraphMail.Tests.Connections.Support;

namespace GraphMail.Tests.Connections;

public sealed class CloudEnvironmentTests
{
    [Theory]
    [InlineData(GraphMailEnvironment.Global, "login.microsoftonline.com", "graph.microsoft.com")]
    [InlineData(GraphMailEnvironment.USGov, "login.microsoftonline.us", "graph.microsoft.us")]
    [InlineData(GraphMailEnvironment.USGovDoD, "login.microsoftonline.us", "dod-graph.microsoft.us")]
    [InlineData(GraphMailEnvironment.China, "login.chinacloudapi.cn", "microsoftgraph.chinacloudapi.cn")]
    public void EachCloudHasItsExactHosts(GraphMailEnvironment environment, string authorityHost, string graphHost)
    {
        var cloud = CloudEnvironments.Get(environment);

        Assert.Equal(authorityHost, cloud.AuthorityHost);
        Assert.Equal(graphHost, cloud.GraphHost);
        Assert.Equal("https://" + graphHost, cloud.GraphResource);
        Assert.Equal(new Uri("https://" + graphHost + "/v1.0"), cloud.GraphBaseUri);
    }

    [Fact]
    public void TheTableCoversEveryEnvironmentOnce() =>
        Assert.Equal(Enum.GetValues<GraphMailEnvironment>().OrderBy(e => e), CloudEnvironments.All.Select(c => c.Name).OrderBy(e => e));

    [Theory]
    [InlineData(GraphMailEnvironment.Global, "https://login.microsoftonline.com/contoso.onmicrosoft.com", "https://graph.microsoft.com/.default")]
    [InlineData(GraphMailEnvironment.USGov, "https://login.microsoftonline.us/contoso.onmicrosoft.com", "https://graph.microsoft.us/.default")]
    [InlineData(GraphMailEnvironment.USGovDoD, "https://login.microsoftonline.us/contoso.onmicrosoft.com", "https://dod-graph.microsoft.us/.default")]
    [InlineData(GraphMailEnvironment.China, "https://login.chinacloudapi.cn/contoso.onmicrosoft.com", "https://microsoftgraph.chinacloudapi.cn/.default")]
    public void APlanBuildsAuthorityAndGraphFromTheTable(GraphMailEnvironment environment, string authority, string scope)
    {
        var plan = ConnectionPlan.From(SecretRequest(environment));

        Assert.Equal(authority, plan.Authority);
        Assert.Equal(scope, plan.GraphResource + "/.default");
        Assert.Equal(CloudEnvironments.Get(environment).GraphBaseUri, plan.GraphBaseUri);
        Assert.Equal(CloudEnvironments.Get(environment).AuthorityHost, plan.AuthorityHost);
    }

    [Fact]
    public void ASandboxReplacesTheCloudsHostsWithLoopback()
    {
        var sandbox = SandboxEndpoint.Parse("""{"authority":"https://127.0.0.1:5123/","graph":"https://127.0.0.1:5123/v1.0","certificateSha256":"AB"}""");
        var request = SecretRequest(GraphMailEnvironment.Global);
        request.Sandbox = sandbox;

        var plan = ConnectionPlan.From(request);

        Assert.Equal("https://127.0.0.1:5123/contoso.onmicrosoft.com", plan.Authority);
        Assert.Equal("127.0.0.1:5123", plan.AuthorityHost);
        Assert.Equal(new Uri("https://127.0.0.1:5123/v1.0"), plan.GraphBaseUri);
        Assert.Equal("https://graph.microsoft.com", plan.GraphResource);
    }

    [Fact]
    public void AnUnknownEnvironmentValueIsRefusedByName()
    {
        var error = Assert.Throws<GraphMailException>(() => ConnectionPlan.From(SecretRequest((GraphMailEnvironment)42)));
        Assert.Equal(ErrorIds.InvalidEnvironment, error.ErrorId);
        Assert.Contains("'42'", error.Message);
    }

    private static ConnectionRequest SecretRequest(GraphMailEnvironment environment) => new()
    {
        TenantId = "contoso.onmicrosoft.com",
        ClientId = "51c27551-41e7-4952-a996-08bd0bfb1752",
        Credential = new ClientSecretCredential(GraphMail.Engine.Connections.Tokens.SecureStrings.From("not-used")),
        Environment = environment,
    };
}
