namespace GraphMail.Engine.Consent.Browser;

/// <summary>Opens a link in the user's default browser. Tests fake it: no real browser ever starts in a test.</summary>
public interface IBrowserLauncher
{
    BrowserLaunch Open(string url);
}

/// <summary>Whether a browser was started, and if not, why.</summary>
public sealed class BrowserLaunch
{
    private BrowserLaunch(bool opened, string reason)
    {
        Opened = opened;
        Reason = reason;
    }

    public static BrowserLaunch Started { get; } = new(true, string.Empty);

    public bool Opened { get; }

    /// <summary>Why no browser was opened; empty when one was.</summary>
    public string Reason { get; }

    public static BrowserLaunch NotStarted(string reason) => new(false, reason);
}
