using System.Collections.Generic;

namespace GraphMail.Module.Tests.Behaviour;

/// <summary>Send-GraphMail: bad input, refused before any network call. Large files are sparse ($Folder), so they cost no disk.</summary>
public sealed partial class ErrorCatalogueTests
{
    /// <summary>A sparse file of the given size in $Folder, its path in $path.</summary>
    private static string SparseFile(string name, string size) => $$"""
        $path = Join-Path $Folder '{{name}}'
        $stream = [IO.File]::Create($path); $stream.SetLength({{size}}); $stream.Dispose()

        """;

    private static Dictionary<string, Case> SendInputCases() => new()
    {
        ["GraphMailNotConnected"] = new("Send-GraphMail -To ops@contoso.com -Subject x", false, null),
        ["RecipientRequired"] = new("Send-GraphMail -Subject x", true, null),
        ["InvalidEmailAddress"] = new("Send-GraphMail -To not-an-address -Subject x", true, "'not-an-address'"),
        ["AttachmentPathEmpty"] = new("$file = New-TemporaryFile; try { Send-GraphMail -To ops@contoso.com -Subject x -Attachments $file.FullName, '' } finally { Remove-Item -LiteralPath $file.FullName }", true, "''"),
        ["AttachmentNotFound"] = new("Send-GraphMail -To ops@contoso.com -Subject x -Attachments ./no-such-file.pdf", true, "'./no-such-file.pdf'"),
        ["AttachmentIsDirectory"] = new("Send-GraphMail -To ops@contoso.com -Subject x -Attachments $PSHOME", true, "$PSHOME"),
        ["InvalidHeaderName"] = new("Send-GraphMail -To ops@contoso.com -Subject x -Header @{ 'X Bad' = '1' }", true, "'X Bad'"),
        ["InvalidHeaderValue"] = new("Send-GraphMail -To ops@contoso.com -Subject x -Header @{ 'X-Word' = \"caf$([char]0xe9)\" }", true, "\"caf$([char]0xe9)\""),
        ["TooManyHeaders"] = new("Send-GraphMail -To ops@contoso.com -Subject x -Header @{ 'X-1' = 'a'; 'X-2' = 'a'; 'X-3' = 'a'; 'X-4' = 'a'; 'X-5' = 'a'; 'X-6' = 'a' }", true, null),

        ["SenderRequired"] = new($"Connect-GraphMail {AsSender}; Send-GraphMail -To ops@contoso.com -Subject x", false, null),
        ["TooManyRecipients"] = new("Send-GraphMail -To (1..501 | ForEach-Object { \"u$_@contoso.com\" }) -Subject x", true, null),
        ["InvalidSendParameter"] = new("[pscustomobject]@{ To = 'ops@contoso.com'; Subject = 'x'; Header = 'text' } | Send-GraphMail", true, null),
        ["InputNotRecognized"] = new("42 | Send-GraphMail -Subject x", true, "'42'"),
        ["JournalUnwritable"] = new("Send-GraphMail -To ops@contoso.com -Subject x -Journal $PSHOME", true, "$PSHOME"),
        ["JournalUnreadable"] = new("$journal = Join-Path $Folder 'damaged.jsonl'; Set-Content -LiteralPath $journal -Value 'not a record', 'x'; Send-GraphMail -To ops@contoso.com -Subject x -Journal $journal", true, "$journal"),
        ["InvalidCharacter"] = new("Send-GraphMail -To ops@contoso.com -Subject \"a$([char]0)b\"", true, "\"a$([char]0)b\""),
        ["BodyTooLarge"] = new("$body = 'x' * 5MB\nSend-GraphMail -To ops@contoso.com -Subject x -Body $body", true),
        ["AttachmentNotRegularFile"] = new("Send-GraphMail -To ops@contoso.com -Subject x -Attachments /dev/null", true, "'/dev/null'"),
        ["AttachmentTooLarge"] = new(SparseFile("huge.bin", "151MB") + "Send-GraphMail -To ops@contoso.com -Subject x -Attachments $path", true, "$path"),
        // Two files: one file named twice is attached once.
        ["MessageTooLarge"] = new(SparseFile("other-half.bin", "80MB") + "$other = $path\n" + SparseFile("half.bin", "80MB") + "Send-GraphMail -To ops@contoso.com -Subject x -Attachments $path, $other", true),
        ["InvalidInlineAttachmentId"] = new(SparseFile("logo.png", "10") +
            "Send-GraphMail -To ops@contoso.com -Subject x -BodyAsHtml -Body '<img src=\"cid:my logo\">' -InlineAttachment @{ 'my logo' = $path }", true, "'my logo'"),
        ["InputWithoutMessage"] = new(SparseFile("report.pdf", "10") +
            "(Get-Item -LiteralPath $path), [pscustomobject]@{ To = 'ops@contoso.com'; Subject = 'x' } | Send-GraphMail", true, "$path"),
    };
}
