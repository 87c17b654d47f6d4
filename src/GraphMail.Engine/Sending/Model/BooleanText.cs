using System;
using System.Globalization;

namespace GraphMail.Engine.Sending.Model;

/// <summary>
/// Switches and booleans as mail-merge files write them: Import-Csv gives text, so 'true', 'false', '1' and '0'
/// (any case, spaces around) mean what they say, as $true, $false, 1 and 0 do. Anything else is not a boolean.
/// </summary>
public static class BooleanText
{
    /// <summary>The boolean <paramref name="value"/> stands for, or null when it stands for none.</summary>
    public static bool? Read(object? value) => value switch
    {
        bool b => b,
        int i when i is 0 or 1 => i == 1,
        long l when l is 0 or 1 => l == 1,
        string s => Text(s.Trim()),
        _ => null,
    };

    private static bool? Text(string text)
    {
        if (text == "1" || text.Equals(bool.TrueString, StringComparison.OrdinalIgnoreCase) || text.Equals("$true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text == "0" || text.Equals(bool.FalseString, StringComparison.OrdinalIgnoreCase) || text.Equals("$false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return null;
    }

    internal static bool Parse(string name, object value) =>
        Read(value) ?? throw new GraphMailException(ErrorIds.InvalidSendParameter, GraphMailErrorKind.InvalidArgument,
            $"-{name} '{Convert.ToString(value, CultureInfo.InvariantCulture)}' is not a boolean.",
            "Use true or false (or 1 or 0); in a CSV file, leave the cell empty for the default.");
}
