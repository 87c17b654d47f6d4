using System;
using System.Linq;

namespace GraphMail.Engine.SandboxHosting.Launching;

/// <summary>Why the sandbox process ended before its ready line, from its exit code and what it wrote to stderr.</summary>
internal static class LaunchFailures
{
    // The dotnet host's "framework not found" (0x80008096): the low byte on Unix, the whole value on Windows.
    private const int FrameworkMissingExitCodeUnix = 0x96;
    private const int FrameworkMissingExitCodeWindows = unchecked((int)0x80008096);

    private const string CouldNotStartPrefix = "GraphMail.Sandbox could not start: ";

    internal static GraphMailException From(int exitCode, string stderr, string dotnet)
    {
        if (IsFrameworkMissing(exitCode, stderr))
        {
            return new GraphMailException(ErrorIds.SandboxAspNetCoreMissing, GraphMailErrorKind.ResourceUnavailable,
                $"GraphMail.Sandbox needs the ASP.NET Core Runtime 8.0 or later, which the .NET at '{dotnet}' does not have (PowerShell does not include it).",
                $"Install the ASP.NET Core Runtime 8.0 or later from {DotnetHost.RuntimeDownload}, then run Start-GraphMailSandbox again.").Targeting(dotnet);
        }

        var reason = FirstLine(stderr);
        if (reason.StartsWith(CouldNotStartPrefix, StringComparison.Ordinal))
        {
            return new GraphMailException(ErrorIds.SandboxStartFailed, GraphMailErrorKind.InvalidArgument,
                "GraphMail.Sandbox could not start: " + reason.Substring(CouldNotStartPrefix.Length),
                "Check -SeedPath (a seed JSON file, see docs/sandbox.md) and -Port (free, or 0 for any free port).");
        }

        return new GraphMailException(ErrorIds.SandboxStartFailed, GraphMailErrorKind.InvalidOperation,
            $"GraphMail.Sandbox exited with code {exitCode} before it was ready" + (reason.Length > 0 ? ": " + reason : "."),
            "Run 'dotnet GraphMail.Sandbox.dll --verbose' in the module's sandbox folder to see why.");
    }

    internal static GraphMailException NotAReadyLine(string line) =>
        new(ErrorIds.SandboxStartFailed, GraphMailErrorKind.InvalidData,
            $"GraphMail.Sandbox printed something other than its ready line: '{(line.Length <= 120 ? line : line.Substring(0, 117) + "...")}'.",
            "Check that the module's sandbox folder holds the GraphMail.Sandbox that came with this GraphMail version.");

    internal static GraphMailException Timeout(TimeSpan timeout) =>
        new(ErrorIds.SandboxStartTimeout, GraphMailErrorKind.OperationTimeout,
            $"GraphMail.Sandbox did not print its ready line within {timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} seconds, so it was stopped.",
            "Try again (a first .NET start on a busy machine can be slow); if it keeps happening, run 'dotnet GraphMail.Sandbox.dll --verbose' in the module's sandbox folder.");

    private static bool IsFrameworkMissing(int exitCode, string stderr) =>
        exitCode is FrameworkMissingExitCodeUnix or FrameworkMissingExitCodeWindows ||
        stderr.IndexOf("You must install or update .NET", StringComparison.Ordinal) >= 0 ||
        stderr.IndexOf("compatible framework version", StringComparison.Ordinal) >= 0;

    private static string FirstLine(string text) =>
        text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;
}
