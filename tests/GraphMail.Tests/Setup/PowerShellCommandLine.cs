using System.Collections.Generic;
using System.Text;

namespace GraphMail.Tests.Setup;

/// <summary>
/// Reads a generated command line back the way PowerShell's tokenizer would: a bare word, a '…' literal (quotes,
/// typographic ones too, doubled) or a "…" string (backtick escapes; an unescaped $ would expand, which is an error
/// here). Proves that what a value holds stays a value.
/// </summary>
internal static class PowerShellCommandLine
{
    private static readonly string SingleQuotes = "'\u2018\u2019\u201A\u201B";
    private static readonly string DoubleQuotes = "\"\u201C\u201D\u201E";

    /// <summary>The command name and each -Parameter's value, as the command would receive them.</summary>
    internal static (string Name, List<KeyValuePair<string, string>> Parameters) Parse(string line)
    {
        var position = 0;
        var name = Token(line, ref position);
        var parameters = new List<KeyValuePair<string, string>>();
        while (SkipSpaces(line, ref position))
        {
            var parameter = Token(line, ref position);
            Assert.StartsWith("-", parameter);
            Assert.True(SkipSpaces(line, ref position), "a parameter without a value: " + parameter);
            parameters.Add(new(parameter.Substring(1), Token(line, ref position)));
        }

        return (name, parameters);
    }

    private static bool SkipSpaces(string line, ref int position)
    {
        while (position < line.Length && line[position] == ' ')
        {
            position++;
        }

        return position < line.Length;
    }

    private static string Token(string line, ref int position)
    {
        var first = line[position];
        var text = new StringBuilder();
        if (SingleQuotes.IndexOf(first) >= 0)
        {
            position++;
            while (true)
            {
                var c = line[position++];
                if (SingleQuotes.IndexOf(c) >= 0)
                {
                    if (position < line.Length && SingleQuotes.IndexOf(line[position]) >= 0)
                    {
                        text.Append(line[position++]);
                        continue;
                    }

                    return text.ToString();
                }

                text.Append(c);
            }
        }

        if (DoubleQuotes.IndexOf(first) >= 0)
        {
            position++;
            while (true)
            {
                var c = line[position++];
                if (c == '`')
                {
                    text.Append(line[position++]);
                    continue;
                }

                Assert.False(c == '$', "an unescaped $ would expand inside \"…\": " + line);
                if (DoubleQuotes.IndexOf(c) >= 0)
                {
                    return text.ToString();
                }

                text.Append(c);
            }
        }

        while (position < line.Length && line[position] != ' ')
        {
            Assert.True(SingleQuotes.IndexOf(line[position]) < 0 && DoubleQuotes.IndexOf(line[position]) < 0 && "$`;|&(){}@".IndexOf(line[position]) < 0,
                "a bare word with a special character: " + line);
            text.Append(line[position++]);
        }

        return text.ToString();
    }
}
