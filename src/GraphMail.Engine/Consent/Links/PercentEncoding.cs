using System.Collections.Generic;
using System.Text;

namespace GraphMail.Engine.Consent.Links;

/// <summary>
/// RFC 3986 percent-encoding, written out rather than borrowed from Uri.EscapeDataString, whose behaviour depends
/// on the .NET Framework version and configuration Windows PowerShell runs on.
/// </summary>
internal static class PercentEncoding
{
    private const string Hex = "0123456789ABCDEF";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Keeps the unreserved characters (A-Z a-z 0-9 - . _ ~) and encodes every other UTF-8 byte as %XX.</summary>
    internal static string Encode(string value)
    {
        var text = new StringBuilder(value.Length * 3);
        foreach (var b in StrictUtf8.GetBytes(value))
        {
            if (IsUnreserved((char)b))
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Decodes one value of an application/x-www-form-urlencoded query (as Entra ID writes them: '+' for space).
    /// A '%' not followed by two hex digits stays as it is; bytes that are not UTF-8 become U+FFFD.
    /// </summary>
    internal static string DecodeQueryValue(string value)
    {
        var text = new StringBuilder(value.Length);
        var pending = new List<byte>();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && HexValue(value[i + 1]) is { } high && HexValue(value[i + 2]) is { } low)
            {
                pending.Add((byte)((high << 4) | low));
                i += 2;
                continue;
            }

            Flush(text, pending);
            text.Append(value[i] == '+' ? ' ' : value[i]);
        }

        Flush(text, pending);
        return text.ToString();
    }

    private static void Flush(StringBuilder text, List<byte> pending)
    {
        if (pending.Count > 0)
        {
            text.Append(Encoding.UTF8.GetString(pending.ToArray()));
            pending.Clear();
        }
    }

    private static bool IsUnreserved(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~';

    private static int? HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => null,
    };
}
