using System;
using System.Text.RegularExpressions;

namespace GraphMail.Sandbox.Applications;

/// <summary>
/// The $filter clauses the directory routes understand: <c>property eq 'value'</c> and <c>startswith(property,'value')</c>
/// on appId, displayName or id, OData-quoted ('' for a quote). Anything else is refused as Graph refuses what it cannot run.
/// </summary>
internal sealed class ODataFilter
{
    private static readonly Regex EqualsClause = new(@"^\s*(?<property>[A-Za-z]+)\s+eq\s+'(?<value>(?:[^']|'')*)'\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex StartsWith = new(@"^\s*startswith\(\s*(?<property>[A-Za-z]+)\s*,\s*'(?<value>(?:[^']|'')*)'\s*\)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly string[] Properties = ["appId", "displayName", "id"];

    private ODataFilter(string property, string value, bool prefix)
    {
        Property = property;
        Value = value;
        Prefix = prefix;
    }

    internal string Property { get; }

    internal string Value { get; }

    internal bool Prefix { get; }

    /// <summary>The filter, or null with the property Graph would name in its refusal.</summary>
    internal static ODataFilter? TryParse(string text, out string? unsupported)
    {
        var match = EqualsClause.Match(text);
        var prefix = false;
        if (!match.Success)
        {
            match = StartsWith.Match(text);
            prefix = true;
        }

        var property = match.Success ? Array.Find(Properties, p => p.Equals(match.Groups["property"].Value, StringComparison.OrdinalIgnoreCase)) : null;
        unsupported = property is null ? (match.Success ? match.Groups["property"].Value : text.Trim()) : null;
        return property is null ? null : new ODataFilter(property, match.Groups["value"].Value.Replace("''", "'"), prefix);
    }

    /// <summary>appId and id compare case-insensitively (GUIDs); displayName too, as Entra ID does.</summary>
    internal bool Matches(string? actual) =>
        actual is not null && (Prefix
            ? actual.StartsWith(Value, StringComparison.OrdinalIgnoreCase)
            : actual.Equals(Value, StringComparison.OrdinalIgnoreCase));
}
