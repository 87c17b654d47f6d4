using System.Collections.Generic;

namespace GraphMail.Engine.Sending.Validation;

/// <summary>Content ids of inline images: what HTML writes after <c>cid:</c>.</summary>
internal static class InlineIds
{
    private const int MaxLength = 100;

    /// <summary>Letters, digits and . _ - @, starting with a letter or digit: safe in a cid: URL without escaping.</summary>
    internal static void Check(string id)
    {
        var valid = id.Length is > 0 and <= MaxLength && char.IsLetterOrDigit(id[0]);
        foreach (var c in id)
        {
            valid &= c < 128 && (char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '@');
        }

        if (!valid)
        {
            throw new GraphMailException(ErrorIds.InvalidInlineAttachmentId, GraphMailErrorKind.InvalidArgument,
                $"-InlineAttachment id '{id}' cannot be used as a content id: use 1 to {MaxLength} ASCII letters, digits, '.', '_', '-' or '@', starting with a letter or digit.",
                "For example: -InlineAttachment @{ logo = './logo.png' } with <img src=\"cid:logo\"> in an -BodyAsHtml body.").Targeting(id);
        }
    }

    /// <summary>Notes for ids the HTML body never refers to, or inline images in a plain-text body.</summary>
    internal static IEnumerable<string> Unreferenced(IEnumerable<string> ids, string body, bool isHtml)
    {
        foreach (var id in ids)
        {
            if (!isHtml)
            {
                yield return $"The inline image '{id}' is sent with a plain-text body, which cannot show it; add -BodyAsHtml and <img src=\"cid:{id}\">.";
            }
            else if (body.IndexOf("cid:" + id, System.StringComparison.OrdinalIgnoreCase) < 0)
            {
                yield return $"The HTML body never refers to the inline image '{id}' (<img src=\"cid:{id}\">); mail clients may show it as an attachment or not at all.";
            }
        }
    }
}
