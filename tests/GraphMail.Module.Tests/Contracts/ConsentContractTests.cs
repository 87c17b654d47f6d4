using System.Linq;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Contracts;

/// <summary>The consent cmdlets' public shape, from Get-Command: parameter sets, positions, types.</summary>
public sealed class ConsentContractTests
{
    [Fact]
    public void GetGraphMailConsentUrlHasAnApplicationSetAndAManagedIdentitySet()
    {
        var cmdlet = CommandMetadata.Get("Get-GraphMailConsentUrl");

        Assert.Equal("Application", cmdlet.DefaultParameterSet);
        Assert.False(cmdlet.SupportsShouldProcess);
        Assert.Equal(["GraphMail.ConsentLink", "GraphMail.ManagedIdentityConsentScript"], cmdlet.OutputTypeNames.OrderBy(t => t));

        var clientId = cmdlet.Parameter("ClientId", "Application");
        Assert.Equal((0, true, true), (clientId.Position, clientId.Mandatory, clientId.ValueFromPipelineByPropertyName));
        Assert.Equal(["AppId", "ApplicationId"], clientId.Aliases);
        var tenant = cmdlet.Parameter("Tenant", "Application");
        Assert.Equal((1, true, true), (tenant.Position, tenant.Mandatory, tenant.ValueFromPipelineByPropertyName));
        Assert.Equal(["TenantId", "Domain"], tenant.Aliases);
        Assert.True(cmdlet.Parameter("ManagedIdentity", "ManagedIdentity").Mandatory);
    }

    [Fact]
    public void GetGraphMailConsentUrlOptionsBelongToTheApplicationSetAndEnvironmentToBoth()
    {
        var cmdlet = CommandMetadata.Get("Get-GraphMailConsentUrl");

        foreach (var name in new[] { "Form", "RedirectUri", "State", "SkipTenantLookup", "Sandbox", "Open" })
        {
            var parameter = Assert.Single(cmdlet.Parameters, p => p.Name == name);
            Assert.Equal(("Application", false, (int?)null), (parameter.ParameterSet, parameter.Mandatory, parameter.Position));
        }

        Assert.Equal("__AllParameterSets", Assert.Single(cmdlet.Parameters, p => p.Name == "Environment").ParameterSet);
        Assert.Equal("GraphMail.GraphMailEnvironment", cmdlet.Parameter("Environment").TypeName);
        Assert.Equal("GraphMail.ConsentUrlForm", cmdlet.Parameter("Form", "Application").TypeName);
        Assert.Equal("System.Management.Automation.SwitchParameter", cmdlet.Parameter("Open", "Application").TypeName);
    }

    [Fact]
    public void ConvertFromGraphMailConsentResponseTakesTheAddressFromThePipeline()
    {
        var cmdlet = CommandMetadata.Get("ConvertFrom-GraphMailConsentResponse");

        Assert.Equal("ExpectedState", cmdlet.DefaultParameterSet);
        Assert.Equal(["GraphMail.ConsentResponse"], cmdlet.OutputTypeNames);
        var uri = Assert.Single(cmdlet.Parameters, p => p.Name == "Uri");
        Assert.Equal(("__AllParameterSets", (int?)0, true, true, false), (uri.ParameterSet, uri.Position, uri.Mandatory, uri.ValueFromPipeline, uri.ValueFromPipelineByPropertyName));
        Assert.False(cmdlet.Parameter("ExpectedState", "ExpectedState").Mandatory);
        var link = cmdlet.Parameter("ConsentLink", "ConsentLink");
        Assert.Equal(("GraphMail.ConsentLink", true), (link.TypeName, link.Mandatory));
    }
}
