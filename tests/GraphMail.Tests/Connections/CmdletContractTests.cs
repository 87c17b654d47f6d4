using System.Linq;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Connections;

/// <summary>What PowerShell users rely on, read from the compiled module's metadata.</summary>
public sealed class CmdletContractTests
{
    private static readonly string[] AllowedTypeAssemblies = ["System.Private.CoreLib", "System.Runtime", "System.Security.Cryptography", "System.Management.Automation", "GraphMail.Shared", "netstandard", "mscorlib"];

    [Fact]
    public void ConnectHasOneParameterSetPerCredential()
    {
        var connect = CompiledCmdlets.Get("Connect-GraphMail");

        Assert.Equal("ClientSecret", connect.DefaultParameterSet);
        Assert.Equal(
            ["Application", "Certificate", "CertificatePath", "CertificateThumbprint", "ClientSecret", "Credential", "EnvironmentVariable", "ManagedIdentity"],
            connect.Parameters.Select(p => p.ParameterSet).Where(s => s != "__AllParameterSets").Distinct().OrderBy(s => s));
        Assert.Equal(["GraphMail.ConnectionInfo"], connect.OutputTypes);
    }

    [Theory]
    [InlineData("ClientSecret", "TenantId,ClientId,ClientSecret")]
    [InlineData("Credential", "TenantId,Credential")]
    [InlineData("CertificateThumbprint", "TenantId,ClientId,CertificateThumbprint")]
    [InlineData("Certificate", "TenantId,ClientId,Certificate")]
    [InlineData("CertificatePath", "TenantId,ClientId,CertificatePath")]
    [InlineData("ManagedIdentity", "ManagedIdentity")]
    [InlineData("EnvironmentVariable", "EnvironmentVariable")]
    [InlineData("Application", "Application")]
    public void EachSetMandatesWhatItNeeds(string set, string mandatory)
    {
        var parameters = CompiledCmdlets.Get("Connect-GraphMail").Parameters.Where(p => p.ParameterSet == set).ToList();

        Assert.Equal(mandatory.Split(',').OrderBy(n => n), parameters.Where(p => p.Mandatory).Select(p => p.Name).OrderBy(n => n));
    }

    [Theory]
    [InlineData("ManagedIdentity", "TenantId,ManagedIdentityClientId")]
    [InlineData("CertificatePath", "CertificatePassword")]
    public void SomeSetsTakeOptionalParameters(string set, string optional)
    {
        var parameters = CompiledCmdlets.Get("Connect-GraphMail").Parameters.Where(p => p.ParameterSet == set && !p.Mandatory).Select(p => p.Name);
        Assert.All(optional.Split(','), name => Assert.Contains(name, parameters));
    }

    [Theory]
    [InlineData("Environment", "GraphMail.GraphMailEnvironment")]
    [InlineData("Sandbox", "System.String")]
    [InlineData("DefaultFrom", "System.String")]
    [InlineData("PassThru", "System.Management.Automation.SwitchParameter")]
    public void SomeParametersApplyToEverySet(string name, string type)
    {
        var parameter = CompiledCmdlets.Get("Connect-GraphMail").Parameters.Single(p => p.Name == name);

        Assert.Equal("__AllParameterSets", parameter.ParameterSet);
        Assert.Equal(type, parameter.TypeName);
        Assert.False(parameter.Mandatory);
    }

    [Theory]
    [InlineData("Credential", "ClientSecretCredential")]
    [InlineData("ManagedIdentity", "Identity")]
    [InlineData("ClientId", "AppId")]
    [InlineData("ClientId", "ApplicationId")]
    [InlineData("TenantId", "Tenant")]
    public void ConnectMgGraphUsersFindTheirNames(string parameter, string alias) =>
        Assert.Contains(alias, CompiledCmdlets.Get("Connect-GraphMail").Parameters.First(p => p.Name == parameter).Aliases);

    [Theory]
    [InlineData("ClientSecret", "System.Security.SecureString")]
    [InlineData("CertificatePassword", "System.Security.SecureString")]
    [InlineData("Credential", "System.Management.Automation.PSCredential")]
    [InlineData("Certificate", "System.Security.Cryptography.X509Certificates.X509Certificate2")]
    [InlineData("ManagedIdentity", "System.Management.Automation.SwitchParameter")]
    [InlineData("EnvironmentVariable", "System.Management.Automation.SwitchParameter")]
    public void SecretsAreSecureStringsAndTypesAreWhatUsersExpect(string parameter, string type) =>
        Assert.Equal(type, CompiledCmdlets.Get("Connect-GraphMail").Parameters.First(p => p.Name == parameter).TypeName);

    [Theory]
    [InlineData("Connect-GraphMail")]
    [InlineData("Disconnect-GraphMail")]
    [InlineData("Get-GraphMailConnection")]
    public void ParameterAndOutputTypesAreBclPowerShellOrGraphMailOnly(string cmdlet)
    {
        var compiled = CompiledCmdlets.Get(cmdlet);
        var types = compiled.Parameters.Select(p => p.TypeName).Concat(compiled.OutputTypes).ToList();

        Assert.All(types, type => Assert.True(
            type.StartsWith("System.", System.StringComparison.Ordinal) || type.StartsWith("GraphMail.", System.StringComparison.Ordinal),
            type + " is neither a BCL, PowerShell nor GraphMail type"));
        Assert.DoesNotContain(types, type => type.StartsWith("GraphMail.Engine", System.StringComparison.Ordinal) || type.Contains("Identity.Client") || type.Contains("Microsoft.Graph"));
        Assert.NotEmpty(AllowedTypeAssemblies);
    }

    [Fact]
    public void DisconnectAndGetTakeNoParametersAndNeverPrompt()
    {
        Assert.Empty(CompiledCmdlets.Get("Disconnect-GraphMail").Parameters);
        Assert.Empty(CompiledCmdlets.Get("Get-GraphMailConnection").Parameters);
        Assert.Equal(["GraphMail.ConnectionInfo"], CompiledCmdlets.Get("Get-GraphMailConnection").OutputTypes);
        Assert.False(CompiledCmdlets.Get("Disconnect-GraphMail").SupportsShouldProcess);
    }
}
