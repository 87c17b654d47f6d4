using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using GraphMail.Engine.SandboxHosting.Launching;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.SandboxHosting;

/// <summary>Quoting by the rules CommandLineToArgvW and .NET on Unix both split by (the end-to-end proof: SandboxLauncherTests).</summary>
public sealed class ProcessArgumentsTests
{
    [Theory]
    [InlineData("--port", "--port")]
    [InlineData(@"C:\Program Files\PowerShell\Modules", "\"C:\\Program Files\\PowerShell\\Modules\"")]
    [InlineData("", "\"\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"C:\dir\ with space\", "\"C:\\dir\\ with space\\\\\"")]
    [InlineData(@"a\\""b", "\"a\\\\\\\\\\\"b\"")]
    [InlineData(@"no\quote\needed", @"no\quote\needed")]
    public void QuotesOnlyWhatNeedsIt(string argument, string expected) => Assert.Equal(expected, ProcessArguments.Quote(argument));

    [Fact]
    public void JoinsWithSingleSpaces() =>
        Assert.Equal("a.dll --seed \"my seed.json\"", ProcessArguments.Join(new[] { "a.dll", "--seed", "my seed.json" }));

    [UnixFact]
    public async Task DotNetOnUnixSplitsTheLineBackIntoTheSameArguments()
    {
        string[] arguments = ["plain", "with space", "", "say \"hi\"", @"trailing\", @"back\\""slash", @"C:\dir\ x\", "tab\there"];
        var script = "for a; do printf '[%s]\\n' \"$a\"; done";
        using var shell = Process.Start(new ProcessStartInfo("sh", ProcessArguments.Join(new[] { "-c", script, "sh" }.Concat(arguments))) { RedirectStandardOutput = true })!;

        var output = await shell.StandardOutput.ReadToEndAsync(TestTimeout.Token);
        await shell.WaitForExitAsync(TestTimeout.Token);

        Assert.Equal(arguments.Select(a => "[" + a + "]\n"), output.Split('[').Skip(1).Select(s => "[" + s));
    }
}
