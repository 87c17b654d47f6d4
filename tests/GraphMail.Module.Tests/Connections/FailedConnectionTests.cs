using System;
using System.Collections;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using GraphMail.Module.Tests.Infrastructure;
using GraphMail.Sandbox;

namespace GraphMail.Module.Tests.Connections;

/// <summary>What a session holds after things go wrong: a failed connect, a sandbox that stopped, bad connect input.</summary>
public sealed class FailedConnectionTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "graphmail-session-" + Guid.NewGuid().ToString("N"))).FullName;

    [Fact]
    public void AFailedConnectClosesTheConnectionBeforeItAndSaysSo()
    {
        using var shell = new ModuleRunspace();
        Assert.Empty(shell.Run(SandboxFixture.ConnectSender, sandbox.SenderVariables()).AllErrors);
        var variables = sandbox.SenderVariables();
        variables["ClientSecret"] = SandboxDefaults.Secure("not the secret");

        var failed = shell.Run(SandboxFixture.ConnectSender, variables);
        var after = shell.Run("Get-GraphMailConnection; Send-GraphMail -To a@fabrikam.com -Subject 'as whom?'");

        var error = Assert.Single(failed.AllErrors);
        Assert.StartsWith("ClientSecretInvalid,", error.FullyQualifiedErrorId);
        Assert.Contains($"The earlier connection (App {SandboxDefaults.SenderAppId} in tenant contoso.com", error.Exception.Message);
        Assert.Contains("was closed as well, so nothing is sent as that app until Connect-GraphMail succeeds", error.Exception.Message);
        Assert.Contains(after.AllErrors, e => e.FullyQualifiedErrorId.StartsWith("GraphMailNotConnected,", StringComparison.Ordinal));
        Assert.DoesNotContain(sandbox.Control.GetMessages(), m => m.Subject == "as whom?");
    }

    [Fact]
    public async Task ASendToASandboxThatStoppedSaysSoAtOnce()
    {
        var stopping = await SandboxServer.StartAsync(new SandboxOptions());
        using var shell = new ModuleRunspace();
        var variables = sandbox.SenderVariables();
        variables["SandboxReadyLine"] = stopping.ReadyLine;
        Assert.Empty(shell.Run(SandboxFixture.ConnectSender, variables).AllErrors);
        await stopping.DisposeAsync();

        var clock = Stopwatch.StartNew();
        var run = shell.Run("Send-GraphMail -To a@fabrikam.com -Subject 'nobody there' -PassThru");

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("SandboxUnreachable,", error.FullyQualifiedErrorId);
        Assert.Contains("the GraphMail.Sandbox this connection was made to is not running", error.Exception.Message);
        Assert.DoesNotContain("firewall", error.Exception.Message);
        var result = Assert.Single(run.Output);
        Assert.Equal(("Failed", 1), (result.Properties["Status"].Value.ToString(), (int)result.Properties["Attempts"].Value));
    }

    [Theory]
    [InlineData("https://example.com", "InvalidSandboxEndpoint", "host 'example.com' is not loopback")]
    [InlineData("https://127.0.0.1:5001/", "InvalidSandboxEndpoint", "it is a URL; a sandbox is named by the JSON line")]
    [InlineData("{folder}", "InvalidSandboxEndpoint", "is a folder, not a sandbox connection file")]
    [InlineData("{fifo}", "InvalidSandboxEndpoint", "FIFO, socket or device")]
    public void BadSandboxInputIsRefusedByName(string given, string errorId, string says)
    {
        var value = given.Replace("{folder}", _folder).Replace("{fifo}", Fifo("sandbox.json"));
        using var shell = new ModuleRunspace();

        var run = shell.Run("Connect-GraphMail -Sandbox $Value -TenantId contoso.com -ClientId $ClientId -ClientSecret $ClientSecret",
            new Hashtable { ["Value"] = value, ["ClientId"] = SandboxDefaults.SenderAppId, ["ClientSecret"] = SandboxDefaults.Secure(SandboxDefaults.SenderSecret) });

        var error = Assert.Single(run.AllErrors);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
        Assert.Contains(says, error.Exception.Message);
        Assert.Contains(value.TrimEnd('/'), error.Exception.Message);
    }

    [Theory]
    [InlineData("{folder}", "CertificateFileNotFound", "is a folder, not a certificate file")]
    [InlineData("{fifo}", "CertificateFileUnreadable", "FIFO, socket or device")]
    [InlineData("/dev/zero", "CertificateFileUnreadable", "FIFO, socket or device")]
    public void ACertificatePathThatIsNotAFileIsRefusedByName(string given, string errorId, string says)
    {
        var value = given.Replace("{folder}", _folder).Replace("{fifo}", Fifo("app.pfx"));
        using var shell = new ModuleRunspace();

        var run = shell.Run("Connect-GraphMail -Sandbox $Line -TenantId contoso.com -ClientId $ClientId -CertificatePath $Value",
            new Hashtable { ["Value"] = value, ["Line"] = sandbox.ReadyLine, ["ClientId"] = SandboxDefaults.SenderAppId });

        var error = Assert.Single(run.AllErrors);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
        Assert.Contains(says, error.Exception.Message);
        Assert.Contains(value, error.Exception.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Fifo(string name)
    {
        var path = Path.Combine(_folder, name);
        if (!File.Exists(path))
        {
            using var mkfifo = Process.Start("mkfifo", path);
            mkfifo.WaitForExit();
        }

        return path;
    }
}
