using System;
using System.Linq;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Connections;

/// <summary>Connect-GraphMail -Verbose tells the plan (cloud, authority, credential kind) and the token's expiry, and never a secret.</summary>
public sealed class ConnectVerboseTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public void VerboseShowsCloudAuthorityCredentialKindAndExpiryButNoSecretOrToken()
    {
        using var shell = new ModuleRunspace();

        var run = shell.Run(SandboxFixture.ConnectSender + " -Verbose", sandbox.SenderVariables()).Succeeded();

        var verbose = string.Join("\n", run.Verbose.Select(v => v.Message));
        var authority = new Uri(sandbox.Server.AuthorityBaseUri, "contoso.com").ToString();
        Assert.Contains("cloud GraphMail.Sandbox (in place of Global)", verbose, StringComparison.Ordinal);
        Assert.Contains("authority " + authority, verbose, StringComparison.Ordinal);
        Assert.Contains("credential ClientSecret for app " + SandboxDefaults.SenderAppId, verbose, StringComparison.Ordinal);
        Assert.Matches(@"Signed in: the token expires \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\.", verbose);

        var everything = run.AllText();
        Assert.DoesNotContain(SandboxDefaults.SenderSecret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", everything, StringComparison.Ordinal); // no JWT (access token) in any stream
    }

    [Fact]
    public void VerboseNamesTheCloudAsked()
    {
        using var shell = new ModuleRunspace();

        // A bad secret against the sandbox fails after the plan is told: the plan is still written, the secret is not.
        var run = shell.Run(
            $"Connect-GraphMail -Sandbox $SandboxReadyLine -TenantId contoso.com -ClientId {SandboxDefaults.SenderAppId} -ClientSecret (ConvertTo-SecureString 'Sbx8Q~not-the-secret' -AsPlainText -Force) -Verbose",
            sandbox.SenderVariables());

        Assert.Equal("ClientSecretInvalid", run.SingleError().FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains(run.Verbose, v => v.Message.StartsWith("Plan: cloud GraphMail.Sandbox", StringComparison.Ordinal));
        Assert.DoesNotContain("Sbx8Q~not-the-secret", run.AllText(), StringComparison.Ordinal);
    }
}
