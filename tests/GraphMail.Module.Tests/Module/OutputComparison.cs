using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace GraphMail.Module.Tests.Module;

/// <summary>
/// A docs ```output block against what the block wrote (Out-String -Width 120), as docs/README.md describes: blank
/// lines and trailing spaces do not count, GUIDs and dates are compared as &lt;guid&gt; and &lt;date&gt;, and "..."
/// in the docs stands for any text within its line.
/// </summary>
public static partial class OutputComparison
{
    public static void AssertMatches(string block, string expected, string actual)
    {
        var want = Lines(expected);
        var got = Lines(actual);
        var message = $"{block}: the output differs from the docs.\n--- docs\n{string.Join("\n", want)}\n--- actual\n{string.Join("\n", got)}";
        Assert.True(want.Length == got.Length, message);
        for (var i = 0; i < want.Length; i++)
        {
            Assert.True(LineMatches(want[i], got[i]), message + $"\n(first difference at line {i + 1})");
        }
    }

    public static string Normalise(string text) => DatePattern().Replace(GuidPattern().Replace(text, "<guid>"), "<date>");

    private static string[] Lines(string text) =>
        Normalise(text).Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToArray();

    /// <summary>Equal, with "..." matching any text: the pieces between them appear in order.</summary>
    private static bool LineMatches(string expected, string actual)
    {
        var pieces = expected.Split("...");
        if (pieces.Length == 1)
        {
            return expected == actual;
        }

        if (!actual.StartsWith(pieces[0], StringComparison.Ordinal) || !actual.EndsWith(pieces[^1], StringComparison.Ordinal))
        {
            return false;
        }

        var at = pieces[0].Length;
        foreach (var piece in pieces[1..^1])
        {
            var found = actual.IndexOf(piece, at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            at = found + piece.Length;
        }

        return at <= actual.Length - pieces[^1].Length;
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?|\d{1,2}/\d{1,2}/\d{4}( \d{1,2}:\d{2}(:\d{2})?( [AP]M)?)?")]
    private static partial Regex DatePattern();
}
