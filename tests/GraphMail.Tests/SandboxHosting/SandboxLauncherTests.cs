using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Engine.SandboxHosting.Control;
using GraphMail.Engine.SandboxHosting.Launching;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.SandboxHosting;

/// <summary>The module's sandbox started as users get it: a real dotnet child process, its ready line, its stop.</summary>
public sealed class SandboxLauncherTests
{
    [Fact]
    public async Task It_starts_the_module_sandbox_answers_on_loopback_and_stops_it_cleanly()
    {
        var sandbox = await ModuleSandbox.StartAsync();
        var instance = sandbox.Instance;
        string pem;
        await using (sandbox)
        {
            using var ready = JsonDocument.Parse(instance.ReadyLine);
            pem = ready.RootElement.GetProperty("certificatePem").GetString()!;
            Assert.Equal(IPAddress.Loopback.ToString(), instance.AuthorityUri.Host);
            Assert.Equal(ready.RootElement.GetProperty("authority").GetString(), instance.AuthorityUri.ToString());
            Assert.Equal(instance.AuthorityUri + "v1.0", instance.GraphUri.ToString());
            Assert.Equal(instance.AuthorityUri + "_sandbox", instance.ControlUri.ToString());
            Assert.Equal(instance.Process.Id, instance.ProcessId);
            Assert.False(instance.Process.HasExited);
            Assert.Equal(instance.ReadyLine + Environment.NewLine, File.ReadAllText(instance.ConnectionFile));
            Assert.True(File.Exists(pem));

            // What Connect-GraphMail -Sandbox $sandbox binds: the ready line, through ToString().
            Assert.Equal(instance.ReadyLine, instance.ToString());
            Assert.Equal(instance.GraphUri, SandboxEndpoint.Parse(instance.ToString()).GraphBaseUri);
            using var control = SandboxControlClient.For(instance);
            Assert.Empty(await control.GetMessagesAsync(null, TestTimeout.Token));
        }

        Assert.True(instance.Process.HasExited);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(0, instance.Process.ExitCode);
        }

        Assert.False(File.Exists(instance.ConnectionFile));
        Assert.False(File.Exists(pem));
        await SandboxLauncher.StopAsync(instance, TestTimeout.Token);
    }

    [UnixFact]
    public async Task It_stops_by_itself_when_its_parent_process_exits()
    {
        using var parent = Process.Start("sleep", "600");
        var sandbox = await ModuleSandbox.StartAsync(r => r.ParentProcessId = parent.Id);
        await using (sandbox)
        {
            parent.Kill();
            await sandbox.Instance.Process.WaitForExitAsync(TestTimeout.Token);

            Assert.Equal(0, sandbox.Instance.Process.ExitCode);
            Assert.False(File.Exists(sandbox.Instance.ConnectionFile));
        }
    }

    [Fact]
    public async Task It_passes_a_seed_path_with_spaces_quotes_and_backslashes_intact()
    {
        var folder = Directory.CreateTempSubdirectory("graphmail seed ");
        try
        {
            var name = OperatingSystem.IsWindows() ? "my seed.json" : "my \"quoted\" seed\\ .json";
            var seedPath = Path.Combine(folder.FullName, name);
            File.WriteAllText(seedPath, File.ReadAllText(Path.Combine(ModuleSandbox.Directory, "Seed", "default.json")).Replace("\"Contoso\"", "\"Quoted Contoso\""));

            await using var sandbox = await ModuleSandbox.StartAsync(r => r.SeedPath = seedPath);
            using var http = ModuleSandbox.Http(sandbox.Instance);
            var seed = JsonDocument.Parse(await http.GetStringAsync("_sandbox/seed", TestTimeout.Token)).RootElement;

            Assert.Equal("Quoted Contoso", seed.GetProperty("tenants")[0].GetProperty("displayName").GetString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task It_listens_on_the_port_it_is_given()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var sandbox = await ModuleSandbox.StartAsync(r => r.Port = port);

        Assert.Equal(port, sandbox.Instance.AuthorityUri.Port);
    }

    [Fact]
    public async Task A_port_in_use_is_the_sandboxs_own_reason()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<GraphMailException>(() => ModuleSandbox.StartAsync(r => r.Port = port));

        Assert.Equal(ErrorIds.SandboxStartFailed, error.ErrorId);
        Assert.Equal(GraphMailErrorKind.InvalidArgument, error.Kind);
        Assert.StartsWith("GraphMail.Sandbox could not start: ", error.Cause);
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Cause);
        Assert.Contains("-Port", error.Fix);
    }

    [Theory]
    [InlineData("{ \"tenants\": [ { \"id\": \"not-a-guid\" } ] }")]
    [InlineData("this is not JSON")]
    public async Task A_bad_seed_is_refused_with_the_sandboxs_reason(string seedJson)
    {
        var seedPath = Path.Combine(Path.GetTempPath(), $"graphmail-bad-seed-{Guid.NewGuid():N}.json");
        File.WriteAllText(seedPath, seedJson);
        try
        {
            var error = await Assert.ThrowsAsync<GraphMailException>(() => ModuleSandbox.StartAsync(r => r.SeedPath = seedPath));

            Assert.Equal(ErrorIds.SandboxStartFailed, error.ErrorId);
            Assert.StartsWith("GraphMail.Sandbox could not start: ", error.Cause);
            Assert.True(error.Cause.Length > "GraphMail.Sandbox could not start: ".Length);
            Assert.DoesNotContain('\n', error.Cause);
            Assert.Contains("-SeedPath", error.Fix);
        }
        finally
        {
            File.Delete(seedPath);
        }
    }

    [Fact]
    public async Task A_missing_seed_file_names_the_file()
    {
        var seedPath = Path.Combine(Path.GetTempPath(), $"graphmail-missing-{Guid.NewGuid():N}.json");

        var error = await Assert.ThrowsAsync<GraphMailException>(() => ModuleSandbox.StartAsync(r => r.SeedPath = seedPath));

        Assert.Equal(ErrorIds.SandboxStartFailed, error.ErrorId);
        Assert.Contains(seedPath, error.Cause);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public async Task A_port_outside_0_to_65535_is_refused_before_anything_starts(int port)
    {
        var error = await Assert.ThrowsAsync<GraphMailException>(() => ModuleSandbox.StartAsync(r => r.Port = port));

        Assert.Equal((ErrorIds.SandboxStartFailed, GraphMailErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Cause);
    }

    [Fact]
    public async Task A_folder_without_the_sandbox_says_what_is_missing()
    {
        var request = new SandboxStartRequest(Path.Combine(Path.GetTempPath(), "graphmail-no-sandbox-" + Guid.NewGuid().ToString("N")));

        var error = await Assert.ThrowsAsync<GraphMailException>(() => SandboxLauncher.StartAsync(request, TestTimeout.Token));

        Assert.Equal((ErrorIds.SandboxFilesMissing, GraphMailErrorKind.ObjectNotFound), (error.ErrorId, error.Kind));
        Assert.Contains(Path.Combine(request.SandboxDirectory, SandboxLauncher.AssemblyFileName), error.Cause);
    }
}
