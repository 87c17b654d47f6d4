using System.Collections.Generic;
using System.Linq;

namespace GraphMail.Engine.Setup.Scoping;

/// <summary>The Exchange Online commands that restrict an app to its mailboxes, what to check afterwards, and what to know first.</summary>
public sealed class MailboxScopePlan
{
    internal MailboxScopePlan(IReadOnlyList<ExchangeCommand> commands, IReadOnlyList<string> verification, IReadOnlyList<string> notes, IReadOnlyList<string> warnings)
    {
        Commands = commands;
        Verification = verification;
        Notes = notes;
        Warnings = warnings;
    }

    /// <summary>To run in order, in an Exchange Online PowerShell session (Connect-ExchangeOnline).</summary>
    public IReadOnlyList<ExchangeCommand> Commands { get; }

    /// <summary>Commands that show the result (Test-ServicePrincipalAuthorization / Test-ApplicationAccessPolicy).</summary>
    public IReadOnlyList<string> Verification { get; }

    /// <summary>Comment lines for the script: where values come from, what the commands need.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>What can defeat the scope; the cmdlet also writes these as warnings.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>A script to paste into an Exchange Online PowerShell session: notes and warnings as comments, then the commands (each skips what already exists, so it can run again).</summary>
    public IReadOnlyList<string> ScriptLines() =>
        Notes.Select(n => "# " + n)
            .Concat(Warnings.Select(w => "# WARNING: " + w))
            .Concat(Commands.Select(c => c.ToScriptText()))
            .Concat(new[] { "# Then check (changes can take an hour or more to reach Graph; Test-GraphMailSetup tells):" })
            .Concat(Verification)
            .ToList();
}
