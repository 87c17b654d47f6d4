using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using GraphMail.Commands;
using GraphMail.Engine.SandboxHosting.Control;
using GraphMail.Session;
using GraphMail.Tests.Connections.Support;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.SandboxHosting;

/// <summary>The sandbox cmdlets' ProcessRecord on a session of their own (a runspace stands in by key), against the module's sandbox.</summary>
public sealed class SandboxCmdletTests
{
    [Fact]
    public async Task Start_makes_the_current_sandbox_the_others_default_to_it_and_Stop_ends_it()
    {
        var session = RunspaceSessions.For(new object());
        Run(new StartGraphMailSandboxCommand { Session = session, SandboxDirectory = ModuleSandbox.Directory });
        var sandbox = session.Sandbox!;
        try
        {
            Assert.False(sandbox.Process.HasExited);
            await ModuleSandbox.SendAsync(sandbox, "to be cleared");
            using var control = SandboxControlClient.For(sandbox);
            Assert.Single(await control.GetMessagesAsync(null, TestTimeout.Token));

            Run(new ClearGraphMailSandboxMessageCommand { Session = session });
            Run(new AddGraphMailSandboxFaultCommand { Session = session, Route = "SENDMAIL", Kind = "throttle", Count = 2, RetryAfterSeconds = 5 });

            Assert.Empty(await control.GetMessagesAsync(null, TestTimeout.Token));
            using var http = ModuleSandbox.Http(sandbox);
            var fault = Assert.Single(JsonDocument.Parse(await http.GetStringAsync("_sandbox/faults", TestTimeout.Token)).RootElement.EnumerateArray());
            Assert.Equal(("sendMail", "throttle", 2, 5), (fault.GetProperty("route").GetString(), fault.GetProperty("kind").GetString(), fault.GetProperty("count").GetInt32(), fault.GetProperty("retryAfterSeconds").GetInt32()));

            Run(new ClearGraphMailSandboxFaultCommand { Session = session });

            Assert.Equal("[]", await http.GetStringAsync("_sandbox/faults", TestTimeout.Token));
        }
        finally
        {
            Run(new StopGraphMailSandboxCommand { Session = session });
        }

        Assert.Null(session.Sandbox);
        Assert.True(sandbox.Process.HasExited);
        Assert.False(File.Exists(sandbox.ConnectionFile));
    }

    [Fact]
    public async Task Stop_with_a_sandbox_stops_that_one_and_keeps_the_current_one()
    {
        var session = RunspaceSessions.For(new object());
        await using var current = await ModuleSandbox.StartAsync();
        await using var other = await ModuleSandbox.StartAsync();
        session.UseSandbox(current.Instance);

        Run(new StopGraphMailSandboxCommand { Session = session, Sandbox = other.Instance });

        Assert.True(other.Instance.Process.HasExited);
        Assert.False(current.Instance.Process.HasExited);
        Assert.Same(current.Instance, session.Sandbox);
    }

    [Fact]
    public void Stop_without_any_sandbox_does_not_fail()
    {
        var session = RunspaceSessions.For(new object());

        Run(new StopGraphMailSandboxCommand { Session = session });

        Assert.Null(session.Sandbox);
    }

    [Fact]
    public void Without_a_started_sandbox_the_others_have_nothing_to_talk_to()
    {
        var error = Assert.Throws<GraphMailException>(() => RunspaceSessions.For(new object()).RequireSandbox(null));

        Assert.Equal((ErrorIds.SandboxNotStarted, GraphMailErrorKind.InvalidOperation), (error.ErrorId, error.Kind));
        Assert.Contains("Start-GraphMailSandbox", error.Fix);
    }

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net472")]
    public void Start_finds_the_sandbox_folder_from_either_bin_folder_of_the_module(string framework)
    {
        var folder = StartGraphMailSandboxCommand.SandboxDirectoryFor(Path.Combine(RepositoryPaths.ModuleDirectory, "bin", framework));

        Assert.Equal(Path.GetFullPath(ModuleSandbox.Directory), folder);
        Assert.True(File.Exists(Path.Combine(folder, "GraphMail.Sandbox.dll")));
    }

    [Fact]
    public void Add_fault_asks_for_one_request_unless_told_a_count_or_a_ratio()
    {
        var byDefault = new AddGraphMailSandboxFaultCommand { Route = "sendMail", Kind = "unavailable" }.ToFault();
        var byRatio = new AddGraphMailSandboxFaultCommand { Route = "send", Kind = "latency", Ratio = 0.5, LatencyMilliseconds = 40 }.ToFault();

        Assert.Equal((1, (double?)null, (int?)null, 0), (byDefault.Count, byDefault.Ratio, byDefault.RetryAfterSeconds, byDefault.LatencyMilliseconds));
        Assert.Equal(((int?)null, (double?)0.5, 40), (byRatio.Count, byRatio.Ratio, byRatio.LatencyMilliseconds));
    }

    private static void Run(GraphMailCmdlet cmdlet)
    {
        using (cmdlet)
        {
            CmdletRunner.Process(cmdlet);
        }
    }
}
