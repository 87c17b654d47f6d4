using System.Linq;
using GraphMail.Engine.Consent.ManagedIdentity;

namespace GraphMail.Tests.Consent;

/// <summary>The Microsoft Graph PowerShell commands that give a managed identity Mail.Send, and their quoting.</summary>
public sealed class ManagedIdentityConsentTests
{
    private const string Header =
        "# Gives a managed identity the Microsoft Graph application permission Mail.Send. Managed identities have no\n"
        + "# consent link: run this as a Privileged Role Administrator or Global Administrator of the identity's tenant.\n";

    private const string Assign =
        "New-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $identity.Id -PrincipalId $identity.Id -ResourceId $graph.Id -AppRoleId 'b633e1c5-b582-4048-a93e-9f11b44c7e96'\n";

    [Fact]
    public void ByClientIdOrObjectIdTheScriptIsExactly()
    {
        var script = ManagedIdentityConsent.Create("AAAABBBB-0000-CCCC-1111-DDDD2222EEEE", GraphMailEnvironment.Global);

        Assert.Equal(
            Header
            + "Connect-MgGraph -Environment Global -Scopes 'AppRoleAssignment.ReadWrite.All', 'Application.Read.All'\n"
            + "$graph = Get-MgServicePrincipal -Filter \"appId eq '00000003-0000-0000-c000-000000000000'\"\n"
            + "$identity = Get-MgServicePrincipal -Filter \"appId eq 'aaaabbbb-0000-cccc-1111-dddd2222eeee'\"\n"
            + "if (-not $identity) { $identity = Get-MgServicePrincipal -ServicePrincipalId 'aaaabbbb-0000-cccc-1111-dddd2222eeee' }\n"
            + Assign,
            script.Script);
        Assert.Equal(("Mail.Send", "b633e1c5-b582-4048-a93e-9f11b44c7e96"), (script.AppRole, script.AppRoleId));
        Assert.Equal(script.Script, script.ToString());
    }

    [Fact]
    public void ByDisplayNameTheScriptIsExactly()
    {
        var script = ManagedIdentityConsent.Create("mail-runbook", GraphMailEnvironment.USGov);

        Assert.Equal(
            Header
            + "Connect-MgGraph -Environment USGov -Scopes 'AppRoleAssignment.ReadWrite.All', 'Application.Read.All'\n"
            + "$graph = Get-MgServicePrincipal -Filter \"appId eq '00000003-0000-0000-c000-000000000000'\"\n"
            + "$identityName = 'mail-runbook'\n"
            + "$found = @(Get-MgServicePrincipal -Filter \"displayName eq '$($identityName.Replace(\"'\", \"''\"))'\")\n"
            + "if ($found.Count -ne 1) { throw \"Expected one service principal named '$identityName', found $($found.Count); pass its object ID instead.\" }\n"
            + "$identity = $found[0]\n"
            + Assign,
            script.Script);
    }

    [Theory]
    [InlineData(GraphMailEnvironment.Global, "Global")]
    [InlineData(GraphMailEnvironment.USGov, "USGov")]
    [InlineData(GraphMailEnvironment.USGovDoD, "USGovDoD")]
    [InlineData(GraphMailEnvironment.China, "China")]
    public void ConnectMgGraphGetsTheCloudsEnvironmentName(GraphMailEnvironment cloud, string name) =>
        Assert.Contains($"Connect-MgGraph -Environment {name} -Scopes", ManagedIdentityConsent.Create("mi", cloud).Script);

    [Theory]
    [InlineData("O'Brien", "'O''Brien'")]
    [InlineData("x'; Remove-Item -Recurse C:\\ ; '", "'x''; Remove-Item -Recurse C:\\ ; '''")]
    [InlineData("$(Stop-Computer) `whoami` \"q\"", "'$(Stop-Computer) `whoami` \"q\"'")]
    [InlineData("smart\u2018one\u2019two\u201Athree\u201Bfour", "'smart\u2018\u2018one\u2019\u2019two\u201A\u201Athree\u201B\u201Bfour'")]
    public void AHostileNameStaysInsideOneSingleQuotedLiteral(string name, string literal)
    {
        var lines = ManagedIdentityConsent.Create(name, GraphMailEnvironment.Global).Script.Split('\n');

        Assert.Equal("$identityName = " + literal, lines.Single(l => l.StartsWith("$identityName", System.StringComparison.Ordinal)));
        Assert.Single(lines, l => l.Contains(name, System.StringComparison.Ordinal) || l.Contains(literal, System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("   ", "it is empty")]
    [InlineData("a\nConnect-Evil", "U+000A")]
    [InlineData("a\u2028b", "U+2028")]
    public void ANameThatCannotBeADisplayNameIsRefused(string name, string why)
    {
        var error = Assert.Throws<GraphMailException>(() => ManagedIdentityConsent.Create(name, GraphMailEnvironment.Global));

        Assert.Equal((ErrorIds.InvalidManagedIdentity, GraphMailErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
        Assert.Contains(why, error.Message);
    }

    [Fact]
    public void ANameLongerThanADisplayNameIsRefused() =>
        Assert.Contains("at most 256", Assert.Throws<GraphMailException>(() => ManagedIdentityConsent.Create(new string('n', 257), GraphMailEnvironment.Global)).Message);
}
