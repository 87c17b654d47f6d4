using System.Linq;
using System.Xml.Linq;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Setup;

/// <summary>Test-GraphMailSetup and New-GraphMailMailboxScope as PowerShell sees them, from the compiled module's metadata.</summary>
public sealed class SetupCmdletContractTests
{
    private static readonly CompiledCmdlet Test = CompiledCmdlets.Get("Test-GraphMailSetup");
    private static readonly CompiledCmdlet Scope = CompiledCmdlets.Get("New-GraphMailMailboxScope");

    [Fact]
    public void TestTakesConnectsCredentialSetsAndDefaultsToTheCurrentConnection()
    {
        var connect = CompiledCmdlets.Get("Connect-GraphMail");

        Assert.Equal("CurrentConnection", Test.DefaultParameterSet);
        Assert.True(Test.SupportsShouldProcess);
        Assert.Equal(Shape(connect), Shape(Test));
        Assert.Equal(CredentialNames.Length, Shape(Test).Select(p => p.Name).Distinct().Count());
        Assert.DoesNotContain("DefaultFrom", Test.ParameterNames);
        Assert.DoesNotContain("PassThru", Test.ParameterNames);
    }

    private static string[] CredentialNames => ["TenantId", "ClientId", "ClientSecret", "Credential", "CertificateThumbprint", "Certificate", "CertificatePath", "CertificatePassword", "ManagedIdentity", "ManagedIdentityClientId", "EnvironmentVariable", "Environment", "Sandbox"];

    private static (string Name, string ParameterSet, string Type, bool Mandatory, string Aliases)[] Shape(CompiledCmdlet cmdlet) =>
        cmdlet.Parameters.Where(p => CredentialNames.Contains(p.Name))
            .Select(p => (p.Name, p.ParameterSet, p.TypeName, p.Mandatory, string.Join(",", p.Aliases)))
            .OrderBy(p => p.Name).ThenBy(p => p.ParameterSet).ToArray();

    [Theory]
    [InlineData("Mailbox", "System.String")]
    [InlineData("OutOfScopeMailbox", "System.String")]
    [InlineData("TestRecipient", "System.String")]
    [InlineData("PolicyChangedAt", "System.Nullable`1[[System.DateTime, System.Private.CoreLib, Version=10.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e]]")]
    [InlineData("Quiet", "System.Management.Automation.SwitchParameter")]
    public void TestsOwnParametersApplyToEverySetAndAreOptional(string name, string type)
    {
        var parameter = Test.Parameters.Single(p => p.Name == name);

        Assert.Equal("__AllParameterSets", parameter.ParameterSet);
        Assert.False(parameter.Mandatory);
        Assert.StartsWith(type.Split(',')[0], parameter.TypeName);
    }

    [Fact]
    public void TestWritesChecksThenASummaryOrABoolean()
    {
        Assert.Equal(["GraphMail.SetupCheckResult", "GraphMail.SetupSummary", "System.Boolean"], Test.OutputTypes);
        Assert.Equal(0, Test.Parameters.Single(p => p.Name == "Mailbox").Position);
        Assert.Contains("ChangedAt", Test.Parameters.Single(p => p.Name == "PolicyChangedAt").Aliases);
    }

    [Fact]
    public void ScopeHasAnRbacAndALegacySet()
    {
        Assert.Equal("Rbac", Scope.DefaultParameterSet);
        Assert.True(Scope.SupportsShouldProcess);
        Assert.Equal(["ServicePrincipalObjectId"], Scope.Parameters.Where(p => p.ParameterSet == "Rbac" && p.Mandatory).Select(p => p.Name));
        Assert.Equal(["Legacy"], Scope.Parameters.Where(p => p.ParameterSet == "Legacy" && p.Mandatory).Select(p => p.Name));
        Assert.Equal(["ClientId", "Mailbox"], Scope.Parameters.Where(p => p.ParameterSet == "__AllParameterSets" && p.Mandatory).Select(p => p.Name));
        Assert.Contains("ObjectId", Scope.Parameters.Single(p => p.Name == "ServicePrincipalObjectId").Aliases);
        Assert.Contains("AppId", Scope.Parameters.Single(p => p.Name == "ClientId").Aliases);
        Assert.Equal("System.String[]", Scope.Parameters.Single(p => p.Name == "Mailbox").TypeName);
        Assert.Equal(["System.String", "GraphMail.MailboxScopeStep"], Scope.OutputTypes);
    }

    [Theory]
    [InlineData("GraphMail.SetupCheckResult", "Check,Status,Detail,Remedy")]
    [InlineData("GraphMail.MailboxScopeStep", "Step,Status,Command,Error")]
    public void TheFormatFileHasATableViewFor(string type, string columns)
    {
        var format = XDocument.Load(System.IO.Path.Combine(RepositoryPaths.Root, "module", "GraphMail.Format.ps1xml"));
        var view = format.Descendants("View").Single(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == type);

        Assert.Equal(columns.Split(','), view.Descendants("TableColumnHeader").Select(h => h.Element("Label")!.Value));
        Assert.Equal(columns.Split(','), view.Descendants("TableColumnItem").Select(i => i.Element("PropertyName")!.Value));
    }
}
