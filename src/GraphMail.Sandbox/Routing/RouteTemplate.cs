using System;
using System.Collections.Generic;

namespace GraphMail.Sandbox.Routing;

/// <summary>
/// A path template of literal segments and {name} captures, matched case-insensitively
/// (Graph paths are case-insensitive). A segment may also be prefix('{name}') as in OData keys.
/// </summary>
internal sealed class RouteTemplate
{
    private readonly string[] _segments;

    internal RouteTemplate(string template)
    {
        Text = template;
        _segments = template.Trim('/').Split('/');
    }

    internal string Text { get; }

    internal bool TryMatch(string path, out Dictionary<string, string> values)
    {
        values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var parts = path.Trim('/').Split('/');
        if (parts.Length != _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (!MatchSegment(_segments[i], parts[i], values))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MatchSegment(string template, string actual, Dictionary<string, string> values)
    {
        var open = template.IndexOf('{');
        if (open < 0)
        {
            return string.Equals(template, actual, StringComparison.OrdinalIgnoreCase);
        }

        var close = template.IndexOf('}', open);
        var prefix = template[..open];
        var suffix = template[(close + 1)..];
        if (actual.Length <= prefix.Length + suffix.Length ||
            !actual.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ||
            !actual.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        values[template[(open + 1)..close]] = actual[prefix.Length..^suffix.Length];
        return true;
    }
}
