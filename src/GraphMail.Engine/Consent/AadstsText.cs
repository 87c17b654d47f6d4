using System.Text.RegularExpressions;

namespace GraphMail.Engine.Consent;

/// <summary>Reads Entra ID's error_description: "AADSTS90002: Tenant 'x' not found. …\r\nTrace ID: …\r\nCorrelation ID: …".</summary>
internal static class AadstsText
{
    private static readonly Regex Code = new(@"AADSTS\d+", RegexOptions.CultureInvariant);

    /// <summary>The first AADSTS code in the text, such as AADSTS90002; empty when there is none.</summary>
    internal static string CodeIn(string description) => Code.Match(description) is { Success: true } match ? match.Value : string.Empty;

    /// <summary>The first line: the message without trace id, correlation id and timestamp.</summary>
    internal static string FirstLine(string description)
    {
        var end = description.IndexOfAny(new[] { '\r', '\n' });
        return (end < 0 ? description : description.Substring(0, end)).Trim();
    }
}
