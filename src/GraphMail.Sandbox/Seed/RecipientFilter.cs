using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace GraphMail.Sandbox.Seed;

/// <summary>
/// The subset of Exchange's RecipientRestrictionFilter the sandbox understands:
/// <c>Property -eq|-ne|-like 'value'</c> comparisons joined by <c>-and</c> (binds tighter) and <c>-or</c>, no parentheses.
/// Properties: UserPrincipalName, PrimarySmtpAddress, DisplayName, or any key of the user's attributes.
/// </summary>
internal sealed partial class RecipientFilter
{
    private readonly IReadOnlyList<IReadOnlyList<Comparison>> _anyOfAll;

    private RecipientFilter(IReadOnlyList<IReadOnlyList<Comparison>> anyOfAll) => _anyOfAll = anyOfAll;

    internal static RecipientFilter Parse(string filter)
    {
        var alternatives = OrSplitter().Split(filter.Trim())
            .Select(alternative => (IReadOnlyList<Comparison>)AndSplitter().Split(alternative.Trim()).Select(ParseComparison).ToList())
            .ToList();
        return new RecipientFilter(alternatives);
    }

    internal bool Matches(SeedUser user) => _anyOfAll.Any(all => all.All(c => c.Matches(user)));

    private static Comparison ParseComparison(string text)
    {
        var match = ComparisonPattern().Match(text.Trim());
        if (!match.Success)
        {
            throw new InvalidDataException($"Invalid sandbox seed: cannot read the recipient filter term \"{text}\" (expected Property -eq 'value').");
        }

        return new Comparison(match.Groups["property"].Value, match.Groups["op"].Value.ToLowerInvariant(), match.Groups["value"].Value);
    }

    [GeneratedRegex(@"\s+-or\s+", RegexOptions.IgnoreCase)]
    private static partial Regex OrSplitter();

    [GeneratedRegex(@"\s+-and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndSplitter();

    [GeneratedRegex(@"^(?<property>\w+)\s+-(?<op>eq|ne|like)\s+'(?<value>[^']*)'$", RegexOptions.IgnoreCase)]
    private static partial Regex ComparisonPattern();

    private sealed record Comparison(string Property, string Operator, string Value)
    {
        internal bool Matches(SeedUser user)
        {
            var actual = Read(user) ?? "";
            return Operator switch
            {
                "eq" => string.Equals(actual, Value, StringComparison.OrdinalIgnoreCase),
                "ne" => !string.Equals(actual, Value, StringComparison.OrdinalIgnoreCase),
                _ => Regex.IsMatch(actual, "^" + Regex.Escape(Value).Replace(@"\*", ".*") + "$", RegexOptions.IgnoreCase),
            };
        }

        private string? Read(SeedUser user) => Property.ToLowerInvariant() switch
        {
            "userprincipalname" or "primarysmtpaddress" or "windowsemailaddress" => user.UserPrincipalName,
            "displayname" => user.DisplayName,
            _ => user.Attributes.FirstOrDefault(a => string.Equals(a.Key, Property, StringComparison.OrdinalIgnoreCase)).Value,
        };
    }
}
