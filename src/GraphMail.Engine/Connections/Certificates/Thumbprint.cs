using System.Linq;
using System.Text;

namespace GraphMail.Engine.Connections.Certificates;

/// <summary>A SHA-1 certificate thumbprint as pasted: spaces, colons and the invisible mark certmgr copies are dropped.</summary>
internal static class Thumbprint
{
    internal static string Normalize(string? input)
    {
        var hex = new StringBuilder();
        foreach (var c in input ?? string.Empty)
        {
            if (IsHex(c))
            {
                hex.Append(char.ToUpperInvariant(c));
            }
            else if (!(char.IsWhiteSpace(c) || c is ':' or '-' or '\u200E' or '\u200F' or '\uFEFF'))
            {
                throw Invalid(input);
            }
        }

        return hex.Length == 40 ? hex.ToString() : throw Invalid(input);
    }

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static GraphMailException Invalid(string? input) =>
        new(ErrorIds.InvalidCertificateThumbprint, GraphMailErrorKind.InvalidArgument,
            $"'{new string((input ?? string.Empty).Where(c => !char.IsControl(c) && c is not ('\u200E' or '\u200F' or '\uFEFF')).ToArray())}' is not a certificate thumbprint: a thumbprint is 40 hexadecimal characters (SHA-1).",
            "Copy it from Get-ChildItem Cert:\\CurrentUser\\My, or from the app registration's Certificates & secrets page.");
}
