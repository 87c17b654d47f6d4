using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Linq;
using System.Runtime.InteropServices;

namespace GraphMail.Engine.Consent.Browser;

/// <summary>The operating systems that open a URL each in their own way.</summary>
internal enum DesktopPlatform
{
    Windows,
    MacOS,
    OtherUnix,
}

/// <summary>
/// Windows: the shell opens the URL with the default browser. macOS: <c>open</c>. Linux and other Unix:
/// <c>xdg-open</c>, and only when there is a graphical display (DISPLAY or WAYLAND_DISPLAY), since over SSH or in a
/// container it would start a text browser or nothing at all.
/// </summary>
public sealed class SystemBrowserLauncher : IBrowserLauncher
{
    private readonly DesktopPlatform _platform;
    private readonly Func<string, string?> _environment;
    private readonly Action<ProcessStartInfo> _start;

    internal SystemBrowserLauncher(DesktopPlatform platform, Func<string, string?> environment, Action<ProcessStartInfo> start)
    {
        _platform = platform;
        _environment = environment;
        _start = start;
    }

    public static SystemBrowserLauncher ForThisMachine() =>
        new(CurrentPlatform(), Environment.GetEnvironmentVariable, info => Process.Start(info)?.Dispose());

    public BrowserLaunch Open(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || url.Any(c => char.IsWhiteSpace(c) || c is '"' or '\\'))
        {
            return BrowserLaunch.NotStarted("only an https link without spaces, quotes or backslashes is handed to a browser");
        }

        var command = CommandFor(url);
        if (command is null)
        {
            return BrowserLaunch.NotStarted("there is no graphical display here (neither DISPLAY nor WAYLAND_DISPLAY is set)");
        }

        try
        {
            _start(command);
            return BrowserLaunch.Started;
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            return BrowserLaunch.NotStarted($"'{command.FileName}' could not be started ({e.Message})");
        }
    }

    /// <summary>The process to start, or null when there is no display to show a browser on.</summary>
    internal ProcessStartInfo? CommandFor(string url) => _platform switch
    {
        DesktopPlatform.Windows => new ProcessStartInfo(url) { UseShellExecute = true },
        DesktopPlatform.MacOS => Direct("open", url),
        _ => HasDisplay() ? Direct("xdg-open", url) : null,
    };

    private bool HasDisplay() =>
        !string.IsNullOrEmpty(_environment("DISPLAY")) || !string.IsNullOrEmpty(_environment("WAYLAND_DISPLAY"));

    // No shell is involved, and Open lets no space, quote or backslash through: quoting the URL is enough.
    private static ProcessStartInfo Direct(string program, string url) =>
        new(program, "\"" + url + "\"") { UseShellExecute = false, CreateNoWindow = true };

    private static DesktopPlatform CurrentPlatform() =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? DesktopPlatform.Windows
        : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? DesktopPlatform.MacOS
        : DesktopPlatform.OtherUnix;
}
