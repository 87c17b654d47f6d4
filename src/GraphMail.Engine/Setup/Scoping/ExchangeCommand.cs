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
        : this(name, purpose, parameters, null, null)
    {
    }

    private ExchangeCommand(string name, string purpose, IReadOnlyList<ExchangeParameter> parameters, ExchangeLookup? lookup, ExchangeCommand? whenFound)
    {
        Name = name;
        Purpose = purpose;
        Parameters = parameters;
        Lookup = lookup;
        WhenFound = whenFound;
    }

    /// <summary>Such as New-ManagementScope (without any -Prefix the session was connected with).</summary>
    public string Name { get; }

    /// <summary>What the command does, in one line.</summary>
    public string Purpose { get; }

    public IReadOnlyList<ExchangeParameter> Parameters { get; }

    /// <summary>Finds what this command would create; null when the command cannot tell (it always runs).</summary>
    public ExchangeLookup? Lookup { get; }

    /// <summary>What runs instead when <see cref="Lookup"/> finds it (an update); null: nothing, it is already done.</summary>
    public ExchangeCommand? WhenFound { get; }

    /// <summary>The command as a PowerShell line: names bare, values single-quoted (double-quoted, escaped, when they hold a single quote).</summary>
    public string ToText() =>
        Name + string.Concat(Parameters.Select(p => " -" + p.Name + " " + (p.IsKeyword ? p.Value : PowerShellQuoting.Literal(p.Value))));

    /// <summary>
    /// The command as a script line that can run again: "if (-not (lookup)) { command }", or with an update
    /// "if (lookup) { update } else { command }".
    /// </summary>
    public string ToScriptText() =>
        Lookup is null ? ToText()
        : WhenFound is null ? "if (-not " + Lookup.ToText() + ") { " + ToText() + " }"
        : "if " + Lookup.ToText() + " { " + WhenFound.ToText() + " } else { " + ToText() + " }";

    /// <summary>This command, run only when <paramref name="lookup"/> finds nothing; <paramref name="whenFound"/> otherwise.</summary>
    internal ExchangeCommand Unless(ExchangeLookup lookup, ExchangeCommand? whenFound = null) => new(Name, Purpose, Parameters, lookup, whenFound);

    /// <summary>The name a session connected with Connect-ExchangeOnline -Prefix knows: Verb-{Prefix}Noun.</summary>
    public static string Prefixed(string name, string? prefix)
    {
        var dash = name.IndexOf('-');
        return string.IsNullOrEmpty(prefix) || dash < 0 ? name : name.Substring(0, dash + 1) + prefix + name.Substring(dash + 1);
    }

    public override string ToString() => ToText();
}
