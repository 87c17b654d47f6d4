using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GraphMail.Engine.Sending.Model;
using GraphMail.Tests.Infrastructure;
using static GraphMail.Tests.Sending.SendHarness;

namespace GraphMail.Tests.Sending;

/// <summary>Bad input is refused with a stable ErrorId naming the bad value, and NOTHING reaches the sandbox.</summary>
public sealed class BadInputTests(SandboxFixture sandbox) : SandboxSendTests(sandbox, clearRequestLog: true)
{
    private const string To = "a@fabrikam.com";


    private static Hashtable Map(params (string Key, string Value)[] pairs)
    {
        var table = new Hashtable();
        foreach (var (key, value) in pairs)
        {
            table[key] = value;
        }

        return table;
    }

    private MailParameters Case(string name) => name switch
    {
        "to: no at" => Parameters(("To", "not-an-address")),
        "to: no dot in domain" => Parameters(("To", "a@fabrikam")),
        "to: two ats" => Parameters(("To", "a@@fabrikam.com")),
        "to: double dot" => Parameters(("To", "a..b@fabrikam.com")),
        "to: leading dot" => Parameters(("To", ".a@fabrikam.com")),
        "to: hyphen-edged label" => Parameters(("To", "a@-fabrikam.com")),
        "to: one-letter tld" => Parameters(("To", "a@fabrikam.c")),
        "to: numeric tld" => Parameters(("To", "a@fabrikam.123")),
        "to: missing closing bracket" => Parameters(("To", "Alice <a@fabrikam.com")),
        "to: unclosed quote" => Parameters(("To", "\"Alice <a@fabrikam.com>")),
        "to: space in local part" => Parameters(("To", "a b@fabrikam.com")),
        "to: ip literal" => Parameters(("To", "a@[10.0.0.1]")),
        "to: empty list" => Parameters(("To", Array.Empty<string>())),
        "to: blank entry" => Parameters(("To", new[] { To, " " })),
        "cc: bad" => Parameters(("To", To), ("Cc", "cc-at-fabrikam.com")),
        "bcc: bad" => Parameters(("To", To), ("Bcc", "bcc@")),
        "replyto: bad" => Parameters(("To", To), ("ReplyTo", "@fabrikam.com")),
        "from: bad" => Parameters(("To", To), ("From", "noreply-contoso.com")),
        "from: two senders" => Parameters(("To", To), ("From", "noreply@contoso.com, reports@contoso.com")),
        "recipients: 501" => Parameters(("To", Enumerable.Range(0, 300).Select(i => $"to{i}@fabrikam.com").ToArray()),
            ("Cc", Enumerable.Range(0, 200).Select(i => $"cc{i}@fabrikam.com").ToArray()), ("Bcc", "one-too-many@fabrikam.com")),
        "attachment: missing" => Parameters(("To", To), ("Attachments", Path.Combine(Files.Root, "missing.pdf"))),
        "attachment: folder" => Parameters(("To", To), ("Attachments", Files.Root)),
        "attachment: empty path among files" => Parameters(("To", To), ("Attachments", new[] { Files.Create("a.txt", 10), "" })),
        "attachment: fifo" => Parameters(("To", To), ("Attachments", Files.Fifo("pipe.log"))),
        "attachment: character device" => Parameters(("To", To), ("Attachments", "/dev/zero")),
        "attachment: /proc file" => Parameters(("To", To), ("Attachments", "/proc/self/status")),
        "attachment: NUL in path" => Parameters(("To", To), ("Attachments", Path.Combine(Files.Root, "a\0b.txt"))),
        "inline: fifo" => Parameters(("To", To), ("InlineAttachment", Map(("logo", Files.Fifo("logo.png"))))),
        "subject: NUL" => Parameters(("To", To), ("Subject", "Q3\0 report")),
        "body: NUL" => Parameters(("To", To), ("Body", "line\0")),
        "to: NUL" => Parameters(("To", "a\0@fabrikam.com")),
        "body: 5 MB" => Parameters(("To", To), ("Body", new string('x', 5 * 1024 * 1024))),
        "body: HTML that grows past 4 MB when escaped" => Parameters(("To", To), ("Body", string.Concat(Enumerable.Repeat("<b>&</b>", 130_000))), ("BodyAsHtml", true)),
        "attachment: over 150 MB" => Parameters(("To", To), ("Attachments", Files.Sparse("huge.iso", (150L * 1024 * 1024) + 1))),
        "attachments: over 150 MB together" => Parameters(("To", To),
            ("Attachments", new[] { Files.Sparse("part1.bin", 80L * 1024 * 1024), Files.Sparse("part2.bin", 80L * 1024 * 1024) })),
        "header: no x- prefix" => Parameters(("To", To), ("Header", Map(("Ticket", "1")))),
        "header: space in name" => Parameters(("To", To), ("Header", Map(("X-My Ticket", "1")))),
        "header: colon in name" => Parameters(("To", To), ("Header", Map(("X-Ticket:", "1")))),
        "header: empty value" => Parameters(("To", To), ("Header", Map(("X-Ticket", " ")))),
        "header: line break in value" => Parameters(("To", To), ("Header", Map(("X-Ticket", "1\r\nBcc: evil@fabrikam.com")))),
        "header: NUL in value" => Parameters(("To", To), ("Header", Map(("X-Ticket", "12\u00003")))),
        "header: non-ASCII value" => Parameters(("To", To), ("Header", Map(("X-Ticket", "Grüße")))),
        "header: six headers" => Parameters(("To", To), ("Header", Map(("X-A", "1"), ("X-B", "2"), ("X-C", "3"), ("X-D", "4"), ("X-E", "5"), ("X-F", "6")))),
        "inline: id with space" => Parameters(("To", To), ("InlineAttachment", Map(("my logo", Files.Create("logo.png", 10))))),
        "inline: id starting with hyphen" => Parameters(("To", To), ("InlineAttachment", Map(("-logo", Files.Create("logo.png", 10))))),
        "inline: id twice" => Parameters(("To", To), ("InlineAttachment", Map(("logo", Files.Create("a.png", 10)), ("LOGO", Files.Create("b.png", 10))))),
        "inline: missing file" => Parameters(("To", To), ("InlineAttachment", Map(("logo", Path.Combine(Files.Root, "nope.png"))))),
        "inline: folder" => Parameters(("To", To), ("InlineAttachment", Map(("logo", Files.Root)))),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [InlineData("to: no at", ErrorIds.InvalidEmailAddress, "not-an-address")]
    [InlineData("to: no dot in domain", ErrorIds.InvalidEmailAddress, "a@fabrikam")]
    [InlineData("to: two ats", ErrorIds.InvalidEmailAddress, "a@@fabrikam.com")]
    [InlineData("to: double dot", ErrorIds.InvalidEmailAddress, "a..b@fabrikam.com")]
    [InlineData("to: leading dot", ErrorIds.InvalidEmailAddress, ".a@fabrikam.com")]
    [InlineData("to: hyphen-edged label", ErrorIds.InvalidEmailAddress, "a@-fabrikam.com")]
    [InlineData("to: one-letter tld", ErrorIds.InvalidEmailAddress, "a@fabrikam.c")]
    [InlineData("to: numeric tld", ErrorIds.InvalidEmailAddress, "a@fabrikam.123")]
    [InlineData("to: missing closing bracket", ErrorIds.InvalidEmailAddress, "Alice <a@fabrikam.com")]
    [InlineData("to: unclosed quote", ErrorIds.InvalidEmailAddress, "\"Alice <a@fabrikam.com>")]
    [InlineData("to: space in local part", ErrorIds.InvalidEmailAddress, "a b@fabrikam.com")]
    [InlineData("to: ip literal", ErrorIds.InvalidEmailAddress, "a@[10.0.0.1]")]
    [InlineData("to: empty list", ErrorIds.RecipientRequired, "-To")]
    [InlineData("to: blank entry", ErrorIds.InvalidEmailAddress, "-To")]
    [InlineData("cc: bad", ErrorIds.InvalidEmailAddress, "-Cc 'cc-at-fabrikam.com'")]
    [InlineData("bcc: bad", ErrorIds.InvalidEmailAddress, "-Bcc 'bcc@'")]
    [InlineData("replyto: bad", ErrorIds.InvalidEmailAddress, "-ReplyTo '@fabrikam.com'")]
    [InlineData("from: bad", ErrorIds.InvalidEmailAddress, "-From 'noreply-contoso.com'")]
    [InlineData("from: two senders", ErrorIds.InvalidEmailAddress, "names 2 addresses")]
    [InlineData("recipients: 501", ErrorIds.TooManyRecipients, "501 recipients")]
    [InlineData("attachment: missing", ErrorIds.AttachmentNotFound, "missing.pdf")]
    [InlineData("attachment: folder", ErrorIds.AttachmentIsDirectory, "is a folder")]
    [InlineData("attachment: empty path among files", ErrorIds.AttachmentPathEmpty, "-Attachments")]
    [InlineData("attachment: fifo", ErrorIds.AttachmentNotRegularFile, "pipe.log' is a FIFO")]
    [InlineData("attachment: character device", ErrorIds.AttachmentNotRegularFile, "'/dev/zero'")]
    [InlineData("attachment: /proc file", ErrorIds.AttachmentNotRegularFile, "'/proc/self/status'")]
    [InlineData("attachment: NUL in path", ErrorIds.InvalidCharacter, "a\\0b.txt")]
    [InlineData("inline: fifo", ErrorIds.AttachmentNotRegularFile, "-InlineAttachment")]
    [InlineData("subject: NUL", ErrorIds.InvalidCharacter, "-Subject 'Q3\\0 report'")]
    [InlineData("body: NUL", ErrorIds.InvalidCharacter, "-Body")]
    [InlineData("to: NUL", ErrorIds.InvalidCharacter, "-To 'a\\0@fabrikam.com'")]
    [InlineData("body: 5 MB", ErrorIds.BodyTooLarge, "5 MB")]
    [InlineData("body: HTML that grows past 4 MB when escaped", ErrorIds.BodyTooLarge, "escaped")]
    [InlineData("attachment: over 150 MB", ErrorIds.AttachmentTooLarge, "huge.iso")]
    [InlineData("attachments: over 150 MB together", ErrorIds.MessageTooLarge, "160 MB")]
    [InlineData("header: no x- prefix", ErrorIds.InvalidHeaderName, "'Ticket'")]
    [InlineData("header: space in name", ErrorIds.InvalidHeaderName, "'X-My Ticket'")]
    [InlineData("header: colon in name", ErrorIds.InvalidHeaderName, "'X-Ticket:'")]
    [InlineData("header: empty value", ErrorIds.InvalidHeaderValue, "'X-Ticket'")]
    [InlineData("header: line break in value", ErrorIds.InvalidHeaderValue, "'X-Ticket'")]
    [InlineData("header: NUL in value", ErrorIds.InvalidCharacter, "-Header '12\\03'")]
    [InlineData("header: non-ASCII value", ErrorIds.InvalidHeaderValue, "'Grüße'")]
    [InlineData("header: six headers", ErrorIds.TooManyHeaders, "6 headers")]
    [InlineData("inline: id with space", ErrorIds.InvalidInlineAttachmentId, "'my logo'")]
    [InlineData("inline: id starting with hyphen", ErrorIds.InvalidInlineAttachmentId, "'-logo'")]
    [InlineData("inline: id twice", ErrorIds.InvalidInlineAttachmentId, "twice")]
    [InlineData("inline: missing file", ErrorIds.AttachmentNotFound, "nope.png")]
    [InlineData("inline: folder", ErrorIds.AttachmentIsDirectory, "-InlineAttachment")]
    public void IsRefusedBeforeAnyRequest(string name, string errorId, string named)
    {
        var result = Harness.SendOne(Case(name));

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.Equal(0, result.Attempts);
        Assert.Equal(errorId, result.Error!.ErrorId);
        Assert.Contains(named, result.Error.Message);
        Assert.Empty(Sandbox.Control.GetRequests());
        Assert.Empty(Sandbox.Control.GetMessages());
    }

    [Fact]
    public async System.Threading.Tasks.Task WithoutFromOrADefaultSenderTheErrorNamesBothFixes()
    {
        using var noDefault = await ConnectAsync(Sandbox, defaultFrom: null);
        Sandbox.Control.ClearRequests();

        var result = noDefault.SendOne(Parameters(("To", To)));

        Assert.Equal(ErrorIds.SenderRequired, result.Error!.ErrorId);
        Assert.Contains("-From", result.Error.Fix);
        Assert.Contains("Connect-GraphMail -DefaultFrom", result.Error.Fix);
        Assert.Empty(Sandbox.Control.GetRequests());
    }

    [Fact]
    public void OneBadMessageInABulkRunDoesNotStopTheOthers()
    {
        var records = new[]
        {
            Row(0, "row1", ("To", "ok1@fabrikam.com")),
            Row(1, "row2", ("To", "broken")),
            Row(2, "row3", ("To", "ok2@fabrikam.com")),
        };

        var results = Harness.Run(Parameters(("Subject", "merge")), records);

        Assert.Equal(new[] { SendStatus.Sent, SendStatus.Failed, SendStatus.Sent }, results.Select(r => r.Status));
        Assert.Equal(new object[] { "row1", "row2", "row3" }, results.Select(r => r.InputObject));
        Assert.Equal(new[] { 0, 1, 2 }, results.Select(r => r.InputIndex));
        Assert.Equal(2, Sandbox.Control.GetMessages().Count);
    }
}
