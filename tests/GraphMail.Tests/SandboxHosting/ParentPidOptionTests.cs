using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.SandboxHosting;

/// <summary>--parent-pid as the standalone sandbox reads it (the watch itself: SandboxLauncherTests).</summary>
public sealed class ParentPidOptionTests
{
    [Theory]
    [InlineData("x", "--parent-pid needs a number.")]
    [InlineData("0", "--parent-pid must be a process id (1 or more).")]
    public async Task A_parent_pid_that_is_not_a_process_id_exits_2(string value, string message)
    {
        var (exitCode, stdout, stderr) = await SandboxProcess.RunToExitAsync(TestTimeout.Token, "--parent-pid", value);

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr);
    }

    [Fact]
    public async Task A_parent_that_is_not_running_exits_1_before_the_ready_line()
    {
        var (exitCode, stdout, stderr) = await SandboxProcess.RunToExitAsync(TestTimeout.Token, "--parent-pid", int.MaxValue.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains($"the parent process {int.MaxValue} is not running", stderr);
    }

    [UnixFact]
    public async Task Ctrl_C_is_left_to_the_parent_and_said_so_on_stderr()
    {
        var parentId = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var (sandbox, _, connection) = await SandboxProcess.StartAsync(TestTimeout.Token, "--parent-pid", parentId);
        using var _ = sandbox;
        using (var interrupt = Process.Start("kill", ["-INT", sandbox.Process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync(TestTimeout.Token);
        }

        var said = await sandbox.Process.StandardError.ReadLineAsync(TestTimeout.Token);

        Assert.Equal($"GraphMail.Sandbox: Ctrl+C ignored; this sandbox stops when process {parentId} exits, or on SIGTERM.", said);
        using var http = SandboxTls.CreateClient(connection.GetProperty("certificateThumbprint").GetString()!, new Uri(connection.GetProperty("authority").GetString()!));
        Assert.Equal("[]", await http.GetStringAsync("_sandbox/messages", TestTimeout.Token));
        Assert.False(sandbox.Process.HasExited);
    }
}
