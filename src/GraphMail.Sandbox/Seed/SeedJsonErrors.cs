using System;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GraphMail.Sandbox.Seed;

/// <summary>
/// A seed file's JSON error in plain words: which field (its JSON path), where in the file, and what was expected,
/// instead of System.Text.Json's .NET type names (IReadOnlyList`1[GraphMail.Sandbox.Seed.SeedTenant]).
/// </summary>
internal static class SeedJsonErrors
{
    private static readonly Regex ConvertedTo = new(@"could not be converted to (?<type>[^\s]+?)\. Path:", RegexOptions.CultureInvariant);
    private static readonly Regex MissingRequired = new(@"missing required properties[^:]*: (?<names>.+?)\.?$", RegexOptions.CultureInvariant | RegexOptions.Multiline);
    private static readonly Regex Location = new(@"\s*(Path: .*?)?\s*\|?\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?", RegexOptions.CultureInvariant);

    internal static string Describe(JsonException error, string source)
    {
        var field = string.IsNullOrEmpty(error.Path) || error.Path == "$" ? "the top level" : "the field " + error.Path!.TrimStart('$', '.');
        var where = error.LineNumber is { } line ? $" (line {line + 1}, position {(error.BytePositionInLine ?? 0) + 1})" : string.Empty;
        var message = error.Message;

        if (ConvertedTo.Match(message) is { Success: true } converted)
        {
            return $"The {source} is not a valid sandbox seed: {field}{where} should be {Expected(converted.Groups["type"].Value)}.";
        }

        if (MissingRequired.Match(message) is { Success: true } missing)
        {
            return $"The {source} is not a valid sandbox seed: the object at {field}{where} lacks the required field(s) {missing.Groups["names"].Value.Trim()}.";
        }

        // A syntax error: System.Text.Json's own words carry no type names; only its location suffix is reworded.
        return $"The {source} is not valid JSON: {Location.Replace(message, string.Empty).Trim().TrimEnd('.')} at {field}{where}.";
    }

    /// <summary>What a value of the named .NET type looks like in JSON.</summary>
    internal static string Expected(string typeName)
    {
        if (typeName.EndsWith("[]", StringComparison.Ordinal) || Regex.IsMatch(typeName, @"(List|Enumerable|Collection|Set)`1\["))
        {
            return "a list in [ ]";
        }

        if (typeName.Contains("Dictionary`2["))
        {
            return "an object in { } of names and values";
        }

        var plain = typeName.StartsWith("System.Nullable`1[", StringComparison.Ordinal) ? typeName.Substring(18).TrimEnd(']') : typeName;
        var type = Type.GetType(plain) ?? typeof(SeedJsonErrors).Assembly.GetType(plain);
        return type switch
        {
            null => "a value of another kind",
            { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type)) + " (in quotes)",
            _ when type == typeof(string) => "text in quotes",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(Guid) => "a GUID in quotes",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "a date and time in quotes, such as \"2026-01-31T12:00:00Z\"",
            _ when type == typeof(TimeSpan) => "a duration in quotes, such as \"00:05:00\"",
            _ when type.IsPrimitive || type == typeof(decimal) => "a number",
            _ => "an object in { }",
        };
    }
}
