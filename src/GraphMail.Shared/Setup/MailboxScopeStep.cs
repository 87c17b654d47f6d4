namespace GraphMail;

/// <summary>How one Exchange Online command of New-GraphMailMailboxScope went when it was run in the session.</summary>
public enum MailboxScopeStepStatus
{
    Ran,

    /// <summary>An earlier run already made it (its lookup found it): nothing was run.</summary>
    AlreadyDone,

    /// <summary>-WhatIf, or No at the confirmation prompt.</summary>
    Declined,

    Failed,

    /// <summary>An earlier step failed or was declined, and this one depends on it.</summary>
    NotRun,
}

/// <summary>One Exchange Online command New-GraphMailMailboxScope ran (or would have run) in the session.</summary>
public sealed class MailboxScopeStep
{
    public MailboxScopeStep(int step, string purpose, string command, MailboxScopeStepStatus status, string? error = null)
    {
        Step = step;
        Purpose = purpose ?? string.Empty;
        Command = command ?? string.Empty;
        Status = status;
        Error = error ?? string.Empty;
    }

    public int Step { get; }

    public string Purpose { get; }

    /// <summary>The command as text, quoted exactly as it was run (for an existing scope, the Set- command that updated it).</summary>
    public string Command { get; }

    public MailboxScopeStepStatus Status { get; }

    /// <summary>What Exchange Online answered when the step failed; empty otherwise.</summary>
    public string Error { get; }

    public override string ToString() => Step + ". " + Status + ": " + Command + (Error.Length == 0 ? string.Empty : " (" + Error + ")");
}
