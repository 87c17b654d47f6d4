namespace GraphMail.Engine.Consent.ManagedIdentity;

/// <summary>Writes a value as a PowerShell single-quoted string literal, whatever it contains.</summary>
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
            if (c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B')
            {
                text.Append(c);
            }
        }

        return text.Append('\'').ToString();
    }
}
