using System.Linq;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Consent;

/// <summary>The consent cmdlets' public shape, read from the built GraphMail.dll: parameter sets, positions, types.</summary>
public sealed class ConsentCmdletContractTests
{
    private static readonly string[] SharedTypes = { "GraphMail.ConsentLink", "GraphMail.ConsentResponse", "GraphMail.ManagedIdentityConsentScript", "GraphMail.GraphMailEnvironment", "GraphMail.ConsentUrlForm" };

    private static CompiledParameter Parameter(CompiledCmdlet cmdlet, string name, string set) =>
        cmdlet.Parameters.Single(p => p.Name == name && p.ParameterSet == set);

    [Fact]
    public void GetGraphMailConsentUrlHasAnApplicationSetAndAManagedIdentitySet()
    {
        var cmdlet = CompiledCmdlets.Get("Get-GraphMailConsentUrl");

        Assert.Equal("Application", cmdlet.DefaultParameterSet);
        Assert.False(cmdlet.SupportsShouldProcess);
        Assert.Equal(new[] { "GraphMail.ConsentLink", "GraphMail.ManagedIdentityConsentScript" }, cmdlet.OutputTypes.OrderBy(t => t));

        var clientId = Parameter(cmdlet, "ClientId", "Application");
        Assert.Equal((0, true, true), (clientId.Position, clientId.Mandatory, clientId.ValueFromPipelineByPropertyName));
        Assert.Equal(new[] { "AppId", "ApplicationId" }, clientId.Aliases);
        var tenant = Parameter(cmdlet, "Tenant", "Application");
        Assert.Equal((1, true, true), (tenant.Position, tenant.Mandatory, tenant.ValueFromPipelineByPropertyName));
        Assert.Equal(new[] { "TenantId", "Domain" }, tenant.Aliases);
        Assert.True(Parameter(cmdlet, "ManagedIdentity", "ManagedIdentity").Mandatory);
    }

    [Fact]
    public void GetGraphMailConsentUrlOptionsBelongToTheApplicationSetAndEnvironmentToBoth()
    {
        var cmdlet = CompiledCmdlets.Get("Get-GraphMailConsentUrl");

        foreach (var name in new[] { "Form", "RedirectUri", "State", "SkipTenantLookup", "Sandbox", "Open" })
        {
            var parameter = cmdlet.Parameters.Single(p => p.Name == name);
            Assert.Equal(("Application", false, (int?)null), (parameter.ParameterSet, parameter.Mandatory, parameter.Position));
        }

        Assert.Equal("__AllParameterSets", cmdlet.Parameters.Single(p => p.Name == "Environment").ParameterSet);
        Assert.Equal("GraphMail.GraphMailEnvironment", cmdlet.Parameters.Single(p => p.Name == "Environment").TypeName);
        Assert.Equal("GraphMail.ConsentUrlForm", cmdlet.Parameters.Single(p => p.Name == "Form").TypeName);
        Assert.Equal("System.Management.Automation.SwitchParameter", cmdlet.Parameters.Single(p => p.Name == "Open").TypeName);
    }

    [Fact]
    public void ConvertFromGraphMailConsentResponseTakesTheAddressFromThePipeline()
    {
        var cmdlet = CompiledCmdlets.Get("ConvertFrom-GraphMailConsentResponse");

        Assert.Equal("ExpectedState", cmdlet.DefaultParameterSet);
        Assert.Equal(new[] { "GraphMail.ConsentResponse" }, cmdlet.OutputTypes);
        var uri = cmdlet.Parameters.Single(p => p.Name == "Uri");
        Assert.Equal(("__AllParameterSets", 0, true, true, false), (uri.ParameterSet, uri.Position, uri.Mandatory, uri.ValueFromPipeline, uri.ValueFromPipelineByPropertyName));
        Assert.False(Parameter(cmdlet, "ExpectedState", "ExpectedState").Mandatory);
        var link = Parameter(cmdlet, "ConsentLink", "ConsentLink");
        Assert.Equal(("GraphMail.ConsentLink", true), (link.TypeName, link.Mandatory));
    }

    [Theory]
    [InlineData("Get-GraphMailConsentUrl")]
    [InlineData("ConvertFrom-GraphMailConsentResponse")]
    public void ParametersAndOutputsUseOnlyBclPowerShellAndGraphMailSharedTypes(string name)
    {
        var cmdlet = CompiledCmdlets.Get(name);

        Assert.All(cmdlet.Parameters, p => Assert.True(
            p.TypeName.StartsWith("System.", System.StringComparison.Ordinal) || SharedTypes.Contains(p.TypeName), p.Name + ": " + p.TypeName));
        Assert.All(cmdlet.OutputTypes, t => Assert.NotNull(typeof(ConsentLink).Assembly.GetType(t)));
    }
}
