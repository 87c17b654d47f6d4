using System.Globalization;
using System.Text.RegularExpressions;

namespace GraphMail.Sandbox.Uploads;

/// <summary>Content-Range: bytes {start}-{end}/{total}.</summary>
internal sealed partial record ContentRange(long Start, long End, long Total)
{
    internal long Length => End - Start + 1;

    internal static ContentRange? Parse(string? header)
    {
        var match = header is null ? Match.Empty : Pattern().Match(header.Trim());
        if (!match.Success)
        {
            return null;
        }

        var range = new ContentRange(
            long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
            long.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
        return range.End >= range.Start ? range : null;
    }

    [GeneratedRegex(@"^bytes (\d{1,15})-(\d{1,15})/(\d{1,15})$")]
    private static partial Regex Pattern();
}
