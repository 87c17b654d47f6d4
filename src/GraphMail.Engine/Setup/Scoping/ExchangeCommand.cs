using System.Collections.Generic;
using System.Linq;
using GraphMail.Engine.Consent.ManagedIdentity;

namespace GraphMail.Engine.Setup.Scoping;

/// <summary>
/// One Exchange Online PowerShell command, held as its name and parameters so the cmdlet side can run it without
/// parsing text (values cannot turn into code), and written as text with every user value quoted for PowerShell.
/// </summary>
public sealed class ExchangeCommand
{
    internal ExchangeCommand(string name, string purpose, params ExchangeParameter[] parameters)
    {
        Name = name;
        Purpose = purpose;
        Parameters = parameters;
    }

    /// <summary>Such as New-ManagementScope (without any -Prefix the session was connected with).</summary>
    public string Name { get; }

    /// <summary>What the command does, in one line.</summary>
    public string Purpose { get; }

    public IReadOnlyList<ExchangeParameter> Parameters { get; }

    /// <summary>The command as a PowerShell line: names bare, values single-quoted (double-quoted, escaped, when they hold a single quote).</summary>
    public string ToText() =>
        Name + string.Concat(Parameters.Select(p => " -" + p.Name + " " + (p.IsKeyword ? p.Value : PowerShellQuoting.Literal(p.Value))));

    /// <summary>The name a session connected with Connect-ExchangeOnline -Prefix knows: Verb-{Prefix}Noun.</summary>
    public static string Prefixed(string name, string? prefix)
    {
        var dash = name.IndexOf('-');
        return string.IsNullOrEmpty(prefix) || dash < 0 ? name : name.Substring(0, dash + 1) + prefix + name.Substring(dash + 1);
    }

    public override string ToString() => ToText();
}
