using System;
using System.Linq;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Contracts;

/// <summary>What PowerShell users rely on in Connect-, Disconnect- and Get-GraphMailConnection, from Get-Command.</summary>
public sealed class ConnectionContractTests
{
    [Fact]
    public void ConnectHasOneParameterSetPerCredential()
    {
        var connect = CommandMetadata.Get("Connect-GraphMail");

        Assert.Equal("ClientSecret", connect.DefaultParameterSet);
        Assert.Equal(
            ["Application", "Certificate", "CertificatePath", "CertificateThumbprint", "ClientSecret", "Credential", "EnvironmentVariable", "ManagedIdentity"],
            connect.Parameters.Select(p => p.ParameterSet).Where(s => s != "__AllParameterSets").Distinct().OrderBy(s => s, StringComparer.Ordinal));
        Assert.Equal(["GraphMail.ConnectionInfo"], connect.OutputTypeNames);
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
        var parameters = CommandMetadata.Get("Connect-GraphMail").Parameters.Where(p => p.ParameterSet == set).ToList();

        Assert.Equal(mandatory.Split(',').OrderBy(n => n), parameters.Where(p => p.Mandatory).Select(p => p.Name).OrderBy(n => n));
    }

    [Theory]
    [InlineData("ManagedIdentity", "TenantId,ManagedIdentityClientId")]
    [InlineData("CertificatePath", "CertificatePassword")]
    public void SomeSetsTakeOptionalParameters(string set, string optional)
    {
        var parameters = CommandMetadata.Get("Connect-GraphMail").Parameters.Where(p => p.ParameterSet == set && !p.Mandatory).Select(p => p.Name);
        Assert.All(optional.Split(','), name => Assert.Contains(name, parameters));
    }

    [Theory]
    [InlineData("Environment", "GraphMail.GraphMailEnvironment")]
    [InlineData("Sandbox", "System.String")]
    [InlineData("DefaultFrom", "System.String")]
    [InlineData("PassThru", "System.Management.Automation.SwitchParameter")]
    public void SomeParametersApplyToEverySet(string name, string type)
    {
        var parameter = Assert.Single(CommandMetadata.Get("Connect-GraphMail").Parameters, p => p.Name == name);

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
        Assert.Contains(alias, CommandMetadata.Get("Connect-GraphMail").Parameters.First(p => p.Name == parameter).Aliases);

    [Theory]
    [InlineData("ClientSecret", "System.Security.SecureString")]
    [InlineData("CertificatePassword", "System.Security.SecureString")]
    [InlineData("Credential", "System.Management.Automation.PSCredential")]
    [InlineData("Certificate", "System.Security.Cryptography.X509Certificates.X509Certificate2")]
    [InlineData("ManagedIdentity", "System.Management.Automation.SwitchParameter")]
    [InlineData("EnvironmentVariable", "System.Management.Automation.SwitchParameter")]
    public void SecretsAreSecureStringsAndTypesAreWhatUsersExpect(string parameter, string type) =>
        Assert.Equal(type, CommandMetadata.Get("Connect-GraphMail").Parameters.First(p => p.Name == parameter).TypeName);

    [Fact]
    public void DisconnectAndGetTakeNoParametersAndNeverPrompt()
    {
        Assert.Empty(CommandMetadata.Get("Disconnect-GraphMail").Parameters);
        Assert.Empty(CommandMetadata.Get("Get-GraphMailConnection").Parameters);
        Assert.Equal(["GraphMail.ConnectionInfo"], CommandMetadata.Get("Get-GraphMailConnection").OutputTypeNames);
        Assert.False(CommandMetadata.Get("Disconnect-GraphMail").SupportsShouldProcess);
    }
}
