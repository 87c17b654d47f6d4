using System.Collections;
using System.IO;
using System.Linq;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Connections;

/// <summary>
/// One connection per runspace: Connect-GraphMail puts it there (each credential kind), connecting again replaces it,
/// a failed connect keeps it, Disconnect-GraphMail takes it out, and two runspaces never share one.
/// </summary>
public sealed class SessionTests : IClassFixture<SandboxFixture>
{
    private const string Unscoped = "Connect-GraphMail -Sandbox $SandboxReadyLine -TenantId contoso.com -ClientId $UnscopedId -ClientSecret (ConvertTo-SecureString $UnscopedSecret -AsPlainText -Force)";
    private readonly SandboxFixture _sandbox;

    public SessionTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    private Hashtable Variables()
    {
        var variables = _sandbox.SenderVariables();
        variables["UnscopedId"] = SandboxDefaults.UnscopedAppId;
        variables["UnscopedSecret"] = SandboxDefaults.UnscopedSecret;
        variables["SeedDirectory"] = Path.Combine(BuiltModule.Directory, "sandbox", "Seed");
        return variables;
    }

    private static string ClientIdOf(ScriptRun run) => (string)Assert.Single(run.Succeeded().Objects);

    [Fact]
    public void ConnectPutsTheConnectionInItsSessionAndDisconnectTakesItOut()
    {
        using var shell = new ModuleRunspace();

        var connected = shell.Run(SandboxFixture.ConnectSender + "; (Get-GraphMailConnection).ClientId", Variables());
        var disconnected = shell.Run("Disconnect-GraphMail; Get-GraphMailConnection; Send-GraphMail -To ops@contoso.com -Subject x", Variables());

        Assert.Equal(SandboxDefaults.SenderAppId, ClientIdOf(connected));
        Assert.Empty(disconnected.Output);
        Assert.Equal("GraphMailNotConnected,GraphMail.Commands.SendGraphMailCommand", disconnected.SingleError().FullyQualifiedErrorId);
        Assert.StartsWith("Not connected. Run Connect-GraphMail first.", disconnected.SingleError().Exception.Message);
        Assert.Empty(disconnected.Warnings);
    }

    [Fact]
    public void TwoRunspacesHoldTwoConnections()
    {
        using var first = new ModuleRunspace();
        using var second = new ModuleRunspace();

        first.Run(SandboxFixture.ConnectSender, Variables()).Succeeded();
        second.Run(Unscoped, Variables()).Succeeded();

        Assert.Equal(SandboxDefaults.SenderAppId, ClientIdOf(first.Run("(Get-GraphMailConnection).ClientId")));
        Assert.Equal(SandboxDefaults.UnscopedAppId, ClientIdOf(second.Run("(Get-GraphMailConnection).ClientId")));
        first.Run("Disconnect-GraphMail").Succeeded();
        Assert.Equal(SandboxDefaults.UnscopedAppId, ClientIdOf(second.Run("(Get-GraphMailConnection).ClientId")));
    }

    [Fact]
    public void ConnectingAgainReplacesTheConnection()
    {
        using var shell = new ModuleRunspace();

        var run = shell.Run(SandboxFixture.ConnectSender + "\n" + Unscoped + "; (Get-GraphMailConnection).ClientId", Variables());

        Assert.Equal(SandboxDefaults.UnscopedAppId, ClientIdOf(run));
    }

    [Fact]
    public void APSCredentialIsClientIdAndSecretAlsoAsClientSecretCredential()
    {
        using var shell = new ModuleRunspace();

        var run = shell.Run("""
            $credential = [pscredential]::new($ClientId, $ClientSecret)
            (Connect-GraphMail -Sandbox $SandboxReadyLine -TenantId contoso.com -Credential $credential -PassThru).ClientId
            (Connect-GraphMail -Sandbox $SandboxReadyLine -Tenant contoso.com -ClientSecretCredential $credential -PassThru).CredentialKind
            """, Variables());

        Assert.Equal([SandboxDefaults.SenderAppId, "ClientSecret"], run.Succeeded().Objects.Select(o => o.ToString()));
    }

    [Fact]
    public void ACertificateObjectIsUsedAsGivenAndStillUsableAfterDisconnect()
    {
        using var shell = new ModuleRunspace();

        var run = shell.Run("""
            $certificate = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new((Join-Path $SeedDirectory 'contoso-app.pfx'), 'graphmail-sandbox')
            $info = Connect-GraphMail -Sandbox $SandboxReadyLine -TenantId contoso.com -AppId $ClientId -Certificate $certificate -PassThru
            Disconnect-GraphMail
            $info.CredentialKind
            $info.CertificateThumbprint -eq $certificate.Thumbprint
            $null -ne [System.Security.Cryptography.X509Certificates.RSACertificateExtensions]::GetRSAPrivateKey($certificate)
            """, Variables());

        Assert.Equal(["Certificate", "True", "True"], run.Succeeded().Objects.Select(o => o.ToString()));
    }

    [Fact]
    public void ACertificatePathIsLoadedWithItsPassword()
    {
        using var shell = new ModuleRunspace();

        var run = shell.Run("""
            $password = ConvertTo-SecureString 'graphmail-sandbox' -AsPlainText -Force
            $info = Connect-GraphMail -Sandbox $SandboxReadyLine -TenantId contoso.com -ApplicationId $ClientId -CertificatePath (Join-Path $SeedDirectory 'contoso-app.pfx') -CertificatePassword $password -PassThru
            $info.CertificateThumbprint -eq [System.Security.Cryptography.X509Certificates.X509Certificate2]::new((Join-Path $SeedDirectory 'contoso-app.pfx'), 'graphmail-sandbox').Thumbprint
            """, Variables());

        Assert.Equal(true, Assert.Single(run.Succeeded().Objects));
    }

    [Fact]
    public void ManagedIdentityNeedsNoTenantOrClient()
    {
        using var shell = new ModuleRunspace();

        var run = shell.Run("$info = Connect-GraphMail -Sandbox $SandboxReadyLine -Identity -PassThru; $info.CredentialKind; $info.TenantId", Variables());

        Assert.Equal(["ManagedIdentity", SandboxDefaults.TenantId], run.Succeeded().Objects.Select(o => o.ToString()));
    }

    [Fact]
    public void DefaultFromAndTheSandboxAreCarriedIntoTheConnection()
    {
        using var shell = new ModuleRunspace();

        var run = shell.Run(SandboxFixture.ConnectSender + " -PassThru", Variables());

        var info = Assert.Single(run.Succeeded().Output);
        Assert.Equal(SandboxDefaults.Noreply, info.Property("DefaultFrom"));
        Assert.Equal(true, info.Property("IsSandbox"));
        Assert.StartsWith("https://127.0.0.1:", info.Property("GraphEndpoint")!.ToString());
    }

    [Fact]
    public void NoStreamShowsTheSecretOrTheTokenOnSuccessOrFailure()
    {
        using var shell = new ModuleRunspace();

        var run = shell.Run("""
            $info = Connect-GraphMail -Sandbox $SandboxReadyLine -TenantId contoso.com -ClientId $ClientId -ClientSecret $ClientSecret -PassThru -Verbose
            $info; $info | Format-List * | Out-String; $info | ConvertTo-Json
            Connect-GraphMail -Sandbox $SandboxReadyLine -TenantId contoso.com -ClientId $ClientId -ClientSecret (ConvertTo-SecureString 'Sbx8Q~Wrong.Secret-9999' -AsPlainText -Force) -Verbose
            Connect-GraphMail -Sandbox $SandboxReadyLine -TenantId contoso.com -ClientId $ClientId -CertificatePath (Join-Path $SeedDirectory 'contoso-app.pfx') -CertificatePassword (ConvertTo-SecureString 'not-the-pfx-password' -AsPlainText -Force) -Verbose
            """, Variables());

        Assert.Equal(2, run.Errors.Count);
        var text = run.AllText() + string.Join("\n", run.Errors.Select(e => e.Exception.ToString()));
        Assert.DoesNotContain(SandboxDefaults.SenderSecret, text);
        Assert.DoesNotContain("Sbx8Q~Wrong.Secret-9999", text);
        Assert.DoesNotContain("not-the-pfx-password", text);
        Assert.DoesNotContain("eyJ", text); // no JWT
    }
}
