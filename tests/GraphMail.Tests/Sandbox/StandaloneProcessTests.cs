using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using GraphMail.Tests.Infrastructure;
using Microsoft.Identity.Client;

namespace GraphMail.Tests.Sandbox;

/// <summary>The sandbox as users run it: dotnet GraphMail.Sandbox.dll, one JSON line on stdout, clean stop on SIGTERM.</summary>
public sealed class StandaloneProcessTests
{
    private static readonly string[] ReadyLineProperties =
        ["sandbox", "version", "authority", "graph", "control", "certificateThumbprint", "certificateSha256", "certificatePem", "managedIdentity"];

    [Fact]
    public async Task It_prints_one_ready_line_serves_mail_and_stops_cleanly_on_SIGTERM()
    {
        var connectionFile = Path.Combine(Path.GetTempPath(), $"graphmail-sandbox-{Guid.NewGuid():N}.json");
        var (sandbox, readyLine, connection) = await SandboxProcess.StartAsync(TestTimeout.Token, "--port", "0", "--connection-file", connectionFile);
        using var _ = sandbox;

        Assert.Equal(ReadyLineProperties, connection.EnumerateObject().Select(p => p.Name));
        Assert.Equal("GraphMail.Sandbox", connection.GetProperty("sandbox").GetString());
        Assert.Equal(RepositoryPaths.ModuleVersion, connection.GetProperty("version").GetString());
        Assert.Equal(["identityEndpoint", "identityHeader", "imdsEndpoint"], connection.GetProperty("managedIdentity").EnumerateObject().Select(p => p.Name));
        var authority = new Uri(connection.GetProperty("authority").GetString()!);
        Assert.Equal(IPAddress.Loopback.ToString(), authority.Host);
        Assert.Equal(authority + "v1.0", connection.GetProperty("graph").GetString());
        Assert.Equal(authority + "_sandbox", connection.GetProperty("control").GetString());
        Assert.Equal(authority + "msi/token", connection.GetProperty("managedIdentity").GetProperty("identityEndpoint").GetString());
        Assert.Equal(readyLine + Environment.NewLine, File.ReadAllText(connectionFile));
        var thumbprint = connection.GetProperty("certificateThumbprint").GetString()!;
        var pemPath = connection.GetProperty("certificatePem").GetString()!;
        Assert.True(Path.IsPathFullyQualified(pemPath));
        using (var pem = X509Certificate2.CreateFromPem(File.ReadAllText(pemPath)))
        {
            Assert.Equal(thumbprint, pem.Thumbprint);
            Assert.Equal(connection.GetProperty("certificateSha256").GetString(), Convert.ToHexString(pem.GetCertHash(HashAlgorithmName.SHA256)));
        }

        using var http = SandboxTls.CreateClient(thumbprint, authority);
        Assert.Equal("[]", await http.GetStringAsync("_sandbox/messages"));
        var msal = ConfidentialClientApplicationBuilder.Create(SandboxDefaults.SenderAppId)
            .WithAuthority(authority + SandboxDefaults.TenantDomain)
            .WithInstanceDiscovery(false)
            .WithClientSecret(SandboxDefaults.SenderSecret)
            .WithHttpClientFactory(new PinnedMsalHttpClientFactory(thumbprint))
            .Build();
        var token = (await msal.AcquireTokenForClient([SandboxMsal.GraphScope]).ExecuteAsync()).AccessToken;
        using var sent = await SandboxGraphRequests.SendMailAsync(http, token, SandboxDefaults.Noreply, SandboxGraphRequests.SendMailBody(subject: "from the standalone sandbox"));
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var messages = JsonDocument.Parse(await http.GetStringAsync("_sandbox/messages")).RootElement;
        Assert.Equal("from the standalone sandbox", Assert.Single(messages.EnumerateArray()).GetProperty("subject").GetString());

        sandbox.Terminate();
        await sandbox.Process.WaitForExitAsync(TestTimeout.Token);

        Assert.Equal(0, sandbox.Process.ExitCode);
        Assert.Equal("", await sandbox.Process.StandardOutput.ReadToEndAsync());
        Assert.False(File.Exists(connectionFile));
        Assert.False(File.Exists(pemPath));
    }

    [Fact]
    public async Task It_takes_a_seed_file()
    {
        var seedFile = Path.Combine(SandboxDefaults.SeedDirectory, "default.json");
        var (sandbox, _, connection) = await SandboxProcess.StartAsync(TestTimeout.Token, "--seed", seedFile, "--random-seed", "7");
        using var _ = sandbox;
        using var http = SandboxTls.CreateClient(connection.GetProperty("certificateThumbprint").GetString()!, new Uri(connection.GetProperty("authority").GetString()!));

        var seed = JsonDocument.Parse(await http.GetStringAsync("_sandbox/seed")).RootElement;

        Assert.Equal(SandboxDefaults.TenantId, seed.GetProperty("tenants")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task It_serves_a_supplied_certificate()
    {
        var directory = Directory.CreateTempSubdirectory("graphmail-sandbox-cert").FullName;
        try
        {
            var (exitCode, _, _) = await SandboxProcess.RunToExitAsync(TestTimeout.Token, "new-app-certificate", "--out", directory, "--name", "server", "--password", "pw", "--years", "1");
            Assert.Equal(0, exitCode);
            using var supplied = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(directory, "server.pfx"), "pw");

            var (sandbox, _, connection) = await SandboxProcess.StartAsync(TestTimeout.Token, "--certificate", Path.Combine(directory, "server.pfx"), "--certificate-password", "pw");
            using var _ = sandbox;
            using var http = SandboxTls.CreateClient(supplied.Thumbprint, new Uri(connection.GetProperty("authority").GetString()!));

            Assert.Equal(supplied.Thumbprint, connection.GetProperty("certificateThumbprint").GetString());
            Assert.Equal("[]", await http.GetStringAsync("_sandbox/drafts"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Unknown_arguments_exit_2_with_usage_on_stderr_and_nothing_on_stdout()
    {
        var (exitCode, stdout, stderr) = await SandboxProcess.RunToExitAsync(TestTimeout.Token, "--no-such-option");

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains("Unknown argument '--no-such-option'", stderr);
        Assert.Contains("Usage:", stderr);
    }

    [Fact]
    public async Task A_missing_seed_file_exits_1()
    {
        var (exitCode, stdout, stderr) = await SandboxProcess.RunToExitAsync(TestTimeout.Token, "--seed", Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json"));

        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains("could not start", stderr);
    }
}
