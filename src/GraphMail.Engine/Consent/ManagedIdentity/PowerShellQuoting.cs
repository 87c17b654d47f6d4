namespace GraphMail.Engine.Consent.ManagedIdentity;

/// <summary>Writes a value as a PowerShell string literal that yields exactly that value, whatever it contains.</summary>
internal static class PowerShellQuoting
{
    /// <summary>
    /// Inside '...' PowerShell expands nothing; the only way out is a quote, and it takes the typographic single
    /// quotes (U+2018, U+2019, U+201A, U+201B) as quotes too. Doubling each of them keeps it in the literal.
    /// </summary>
    internal static string SingleQuoted(string value)
    {
        var text = new System.Text.StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            text.Append(c);
            if (IsSingleQuote(c))
            {
                text.Append(c);
            }
        }

        return text.Append('\'').ToString();
    }

    /// <summary>
    /// Inside "..." PowerShell expands $ and reads ` as an escape, and takes the typographic double quotes (U+201C,
    /// U+201D, U+201E) as quotes too. A backtick before each of them makes it a plain character.
    /// </summary>
    internal static string DoubleQuoted(string value)
    {
        var text = new System.Text.StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '$' or '`' or '"' or '\u201C' or '\u201D' or '\u201E')
            {
                text.Append('`');
            }

            text.Append(c);
        }

        return text.Append('"').ToString();
    }

    /// <summary>The easier-to-read literal: single-quoted, or double-quoted when the value itself holds single quotes (an OPATH filter).</summary>
    internal static string Literal(string value)
    {
        foreach (var c in value)
        {
            if (IsSingleQuote(c))
            {
                return DoubleQuoted(value);
            }
        }

        return SingleQuoted(value);
    }

    private static bool IsSingleQuote(char c) => c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B';
}
