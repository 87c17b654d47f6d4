namespace GraphMail.Engine.Setup.Probes;

/// <summary>A probe's verdict, with the error the send engine's Graph error table made of Graph's answer.</summary>
internal sealed class ProbeResult
{
    internal ProbeResult(string mailbox, ProbeVerdict verdict, GraphMailException? error)
    {
        Mailbox = mailbox;
        Verdict = verdict;
        Error = error;
    }

    internal string Mailbox { get; }

    internal ProbeVerdict Verdict { get; }

    /// <summary>Null only when Graph accepted the probe (which a recipient-less message should never be).</summary>
    internal GraphMailException? Error { get; }

    /// <summary>True when Graph's permission check let the request through (whatever came next).</summary>
    internal bool PermissionGranted => Verdict is ProbeVerdict.NoSuchMailbox or ProbeVerdict.MailboxNotEnabled or ProbeVerdict.ScopedAway or ProbeVerdict.ReachedBody;

    /// <summary>"HTTP 403 ErrorAccessDenied" and the like, for details.</summary>
    internal string Answer => Error is null ? "HTTP 202 (accepted, yet nothing could be delivered: the message had no recipient)"
        : "HTTP " + (Error.HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-") + " " + (Error.ServiceCode ?? Error.ErrorId);
}
