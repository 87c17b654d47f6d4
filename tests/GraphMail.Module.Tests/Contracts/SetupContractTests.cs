using System.Linq;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Contracts;

/// <summary>Test-GraphMailSetup and New-GraphMailMailboxScope as PowerShell sees them, from Get-Command.</summary>
public sealed class SetupContractTests
{
    private static CommandShape Test => CommandMetadata.Get("Test-GraphMailSetup");

    private static CommandShape Scope => CommandMetadata.Get("New-GraphMailMailboxScope");

    private static string[] CredentialNames => ["TenantId", "ClientId", "ClientSecret", "Credential", "CertificateThumbprint", "Certificate", "CertificatePath", "CertificatePassword", "ManagedIdentity", "ManagedIdentityClientId", "EnvironmentVariable", "Environment", "Sandbox"];

    private static (string Name, string ParameterSet, string Type, bool Mandatory, string Aliases)[] Shape(CommandShape cmdlet) =>
        cmdlet.Parameters.Where(p => CredentialNames.Contains(p.Name))
            .Select(p => (p.Name, p.ParameterSet, p.TypeName, p.Mandatory, string.Join(",", p.Aliases)))
            .OrderBy(p => p.Name).ThenBy(p => p.ParameterSet).ToArray();

    [Fact]
    public void TestTakesConnectsCredentialSetsAndDefaultsToTheCurrentConnection()
    {
        var connect = CommandMetadata.Get("Connect-GraphMail");

        Assert.Equal("CurrentConnection", Test.DefaultParameterSet);
        Assert.True(Test.SupportsShouldProcess);
        Assert.Equal(Shape(connect), Shape(Test));
        Assert.Equal(CredentialNames.Length, Shape(Test).Select(p => p.Name).Distinct().Count());
        Assert.DoesNotContain("DefaultFrom", Test.ParameterNames);
        Assert.DoesNotContain("PassThru", Test.ParameterNames);
    }

    [Theory]
    [InlineData("Mailbox", "System.String")]
    [InlineData("OutOfScopeMailbox", "System.String")]
    [InlineData("TestRecipient", "System.String")]
    [InlineData("PolicyChangedAt", "System.Nullable`1[[System.DateTime")]
    [InlineData("Quiet", "System.Management.Automation.SwitchParameter")]
    public void TestsOwnParametersApplyToEverySetAndAreOptional(string name, string type)
    {
        var parameter = Assert.Single(Test.Parameters, p => p.Name == name);

        Assert.Equal("__AllParameterSets", parameter.ParameterSet);
        Assert.False(parameter.Mandatory);
        Assert.StartsWith(type, parameter.TypeName);
    }

    [Fact]
    public void TestWritesChecksThenASummaryOrABoolean()
    {
        Assert.Equal(["GraphMail.SetupCheckResult", "GraphMail.SetupSummary", "System.Boolean"], Test.OutputTypeNames);
        Assert.Equal(0, Test.Parameter("Mailbox").Position);
        Assert.Contains("ChangedAt", Test.Parameter("PolicyChangedAt").Aliases);
    }

    [Fact]
    public void ScopeHasAnRbacAndALegacySet()
    {
        Assert.Equal("Rbac", Scope.DefaultParameterSet);
        Assert.True(Scope.SupportsShouldProcess);
        Assert.Equal(["ServicePrincipalObjectId"], Scope.Parameters.Where(p => p.ParameterSet == "Rbac" && p.Mandatory).Select(p => p.Name));
        Assert.Equal(["Legacy"], Scope.Parameters.Where(p => p.ParameterSet == "Legacy" && p.Mandatory).Select(p => p.Name));
        Assert.Equal(["ClientId", "Mailbox"], Scope.Parameters.Where(p => p.ParameterSet == "__AllParameterSets" && p.Mandatory).Select(p => p.Name));
        Assert.Contains("ObjectId", Scope.Parameters.First(p => p.Name == "ServicePrincipalObjectId").Aliases);
        Assert.Contains("AppId", Scope.Parameter("ClientId").Aliases);
        Assert.Equal("System.String[]", Scope.Parameter("Mailbox").TypeName);
        Assert.Equal(["System.String", "GraphMail.MailboxScopeStep"], Scope.OutputTypeNames);
    }
}
