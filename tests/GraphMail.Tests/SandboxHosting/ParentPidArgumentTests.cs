using System.Threading.Tasks;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.SandboxHosting;

/// <summary>--parent-pid as the standalone sandbox reads it (the watch itself: SandboxLauncherTests).</summary>
public sealed class ParentPidArgumentTests
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
        var (exitCode, stdout, stderr) = await SandboxProcess.RunToExitAsync(TestTimeout.Token, "--parent-pid", int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains($"the parent process {int.MaxValue} is not running", stderr);
    }
}
