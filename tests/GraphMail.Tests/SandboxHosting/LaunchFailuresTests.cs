using GraphMail.Engine.SandboxHosting.Launching;

namespace GraphMail.Tests.SandboxHosting;

/// <summary>How an exit before the ready line is read, including the dotnet host's answers on other systems.</summary>
public sealed class LaunchFailuresTests
{
    private const string Dotnet = "/opt/dotnet/dotnet";

    [Theory]
    [InlineData(150, "")]
    [InlineData(-2147450730, "")]
    [InlineData(1, "You must install or update .NET to run this application.\n\nFramework: 'Microsoft.AspNetCore.App', version '8.0.0' (x64)")]
    [InlineData(1, "It was not possible to find any compatible framework version\nThe framework 'Microsoft.AspNetCore.App', version '8.0.0' was not found.")]
    public void TheHostsFrameworkNotFoundMeansAspNetCoreIsMissing(int exitCode, string stderr)
    {
        var error = LaunchFailures.From(exitCode, stderr, Dotnet);

        Assert.Equal(ErrorIds.SandboxAspNetCoreMissing, error.ErrorId);
        Assert.Contains($"'{Dotnet}'", error.Cause);
    }

    [Fact]
    public void TheSandboxsOwnReasonIsKeptWithoutItsPrefix()
    {
        var error = LaunchFailures.From(1, "GraphMail.Sandbox could not start: The seed has no tenants.\n", Dotnet);

        Assert.Equal((ErrorIds.SandboxStartFailed, GraphMailErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
        Assert.Equal("GraphMail.Sandbox could not start: The seed has no tenants.", error.Cause);
    }

    [Fact]
    public void AnythingElseNamesTheExitCode()
    {
        var error = LaunchFailures.From(134, "", Dotnet);

        Assert.Equal((ErrorIds.SandboxStartFailed, GraphMailErrorKind.InvalidOperation), (error.ErrorId, error.Kind));
        Assert.Equal("GraphMail.Sandbox exited with code 134 before it was ready.", error.Cause);
        Assert.Contains("--verbose", error.Fix);
    }
}
