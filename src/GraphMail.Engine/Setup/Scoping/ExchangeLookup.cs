using System;
using System.Collections.Generic;
using System.Linq;
using GraphMail.Engine.Consent.ManagedIdentity;

namespace GraphMail.Engine.Setup.Scoping;

/// <summary>
/// How a step finds what it would create, so that running New-GraphMailMailboxScope again does not fail on what the
/// first run made: a Get- command, and the property values one of its answers must have (none: any answer will do).
/// </summary>
public sealed class ExchangeLookup
{
    internal ExchangeLookup(ExchangeCommand command, params KeyValuePair<string, string>[] match)
    {
        Command = command;
        Match = match;
    }

    public ExchangeCommand Command { get; }

    /// <summary>Property names and the values an answer must have (compared as Exchange does: case-insensitively).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Match { get; }

    /// <summary>Whether one answer, read through its property reader, matches.</summary>
    public bool Finds(IEnumerable<Func<string, string?>> answers) =>
        answers.Any(read => Match.All(m => string.Equals(read(m.Key), m.Value, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The lookup as a PowerShell expression: nothing when not found (a missing object is not an error here).</summary>
    public string ToText() =>
        "(" + Command.ToText() + " -ErrorAction SilentlyContinue" +
        (Match.Count == 0 ? string.Empty : " | Where-Object { " + string.Join(" -and ", Match.Select(m => "$_." + m.Key + " -eq " + PowerShellQuoting.Literal(m.Value))) + " }") +
        ")";

    /// <summary>This lookup, also requiring <paramref name="property"/> to be <paramref name="value"/>.</summary>
    internal ExchangeLookup Where(string property, string value) => new(Command, Match.Append(new KeyValuePair<string, string>(property, value)).ToArray());
}
