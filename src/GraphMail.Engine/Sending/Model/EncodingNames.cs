using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace GraphMail.Engine.Sending.Model;

/// <summary>
/// Lets -Encoding take what Send-MailMessage users write (UTF8, ASCII, Unicode, utf-8, a code page). The value has no
/// effect: Graph's JSON always carries Unicode, and Exchange encodes the MIME itself.
/// </summary>
public static class EncodingNames
{
    public static object Resolve(object? value) => value switch
    {
        null or Encoding => value!,
        int codePage => Resolve(codePage.ToString(CultureInfo.InvariantCulture)),
        string name => ByName(name) ?? throw new ArgumentException($"'{name}' is not an encoding name (for example UTF8, ASCII, Unicode, utf-8, 65001)."),
        _ => value,
    };

    /// <summary>The names -Encoding takes, as its argument completer offers them (Send-MailMessage's in 5.1 and 7.4, and Latin1).</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["ANSI", "ASCII", "BigEndianUnicode", "BigEndianUTF32", "Default", "Latin1", "OEM", "Unicode", "UTF32", "UTF7", "UTF8", "UTF8BOM", "UTF8NoBOM"];

    private static Encoding? ByName(string name)
    {
        switch (name.Trim().ToUpperInvariant())
        {
            case "UTF8":
            case "UTF8NOBOM":
            case "UTF8BOM":
            case "DEFAULT":
            case "OEM":
            case "ANSI":
            case "UTF7":
                // UTF7 is obsolete in .NET; like every value here it changes nothing on the wire.
                return Encoding.UTF8;
            case "BIGENDIANUTF32":
                return new UTF32Encoding(bigEndian: true, byteOrderMark: true);
            case "UNICODE":
                return Encoding.Unicode;
            case "BIGENDIANUNICODE":
                return Encoding.BigEndianUnicode;
            case "UTF32":
                return Encoding.UTF32;
            case "ASCII":
                return Encoding.ASCII;
            case "LATIN1":
                return Encoding.GetEncoding(28591);
        }

        try
        {
            return int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var codePage) ? Encoding.GetEncoding(codePage) : Encoding.GetEncoding(name.Trim());
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
