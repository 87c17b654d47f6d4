using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Linq;
using GraphMail.Engine.Consent.Browser;

namespace GraphMail.Tests.Consent;

/// <summary>Which program opens the link on each platform, and when none can. No process is ever started.</summary>
public sealed class SystemBrowserLauncherTests
{
    private const string Url = "https://login.microsoftonline.com/contoso.com/adminconsent?client_id=1&state=a%26b";

    private static (SystemBrowserLauncher Launcher, List<ProcessStartInfo> Started) On(DesktopPlatform platform, params (string Name, string Value)[] environment)
    {
        var variables = new Dictionary<string, string>();
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        var started = new List<ProcessStartInfo>();
        return (new SystemBrowserLauncher(platform, n => variables.TryGetValue(n, out var v) ? v : null, started.Add), started);
    }

    [Fact]
    public void WindowsHandsTheUrlToTheShell()
    {
        var (launcher, started) = On(DesktopPlatform.Windows);

        Assert.True(launcher.Open(Url).Opened);
        Assert.Equal((Url, true), (started.Single().FileName, started.Single().UseShellExecute));
    }

    [Fact]
    public void MacOsUsesOpen()
    {
        var (launcher, started) = On(DesktopPlatform.MacOS);

        Assert.True(launcher.Open(Url).Opened);
        Assert.Equal(("open", "\"" + Url + "\"", false), (started.Single().FileName, started.Single().Arguments, started.Single().UseShellExecute));
    }

    [Theory]
    [InlineData("DISPLAY", ":0")]
    [InlineData("WAYLAND_DISPLAY", "wayland-0")]
    public void LinuxWithADisplayUsesXdgOpen(string variable, string value)
    {
        var (launcher, started) = On(DesktopPlatform.OtherUnix, (variable, value));

        Assert.True(launcher.Open(Url).Opened);
        Assert.Equal(("xdg-open", "\"" + Url + "\""), (started.Single().FileName, started.Single().Arguments));
    }

    [Fact]
    public void LinuxWithoutADisplayOpensNothingAndSaysWhy()
    {
        var (launcher, started) = On(DesktopPlatform.OtherUnix, ("DISPLAY", string.Empty));

        var launch = launcher.Open(Url);

        Assert.False(launch.Opened);
        Assert.Equal("there is no graphical display here (neither DISPLAY nor WAYLAND_DISPLAY is set)", launch.Reason);
        Assert.Empty(started);
    }

    [Fact]
    public void AMissingProgramIsReportedNotThrown()
    {
        var launcher = new SystemBrowserLauncher(DesktopPlatform.OtherUnix, _ => ":0", _ => throw new Win32Exception(2, "No such file or directory"));

        var launch = launcher.Open(Url);

        Assert.False(launch.Opened);
        Assert.Equal("'xdg-open' could not be started (No such file or directory)", launch.Reason);
    }

    [Theory]
    [InlineData("http://example.com/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://example.com/a b")]
    [InlineData("https://example.com/\"x")]
    [InlineData("calc.exe")]
    public void OnlyAPlainHttpsLinkIsHandedOver(string url)
    {
        var (launcher, started) = On(DesktopPlatform.Windows);

        Assert.False(launcher.Open(url).Opened);
        Assert.Empty(started);
    }
}
