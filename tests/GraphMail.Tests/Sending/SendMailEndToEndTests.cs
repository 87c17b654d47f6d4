using System;
using System.Collections;
using System.Linq;
using System.Net.Mail;
using GraphMail.Sandbox.Control;
using GraphMail.Tests.Infrastructure;
using static GraphMail.Tests.Sending.SendHarness;

namespace GraphMail.Tests.Sending;

/// <summary>Each parameter's effect on what the sandbox records, through the real connection and sendMail.</summary>
public sealed class SendMailEndToEndTests(SandboxFixture sandbox) : SandboxSendTests(sandbox)
{
    private RecordedMessage Only() => Assert.Single(Sandbox.Control.GetMessages());

    [Fact]
    public void EveryAddressParameterReachesTheMessage()
    {
        var result = Harness.SendOne(Parameters(
            ("To", new[] { "Alice <alice@fabrikam.com>", "bob@fabrikam.com; carol@fabrikam.com" }),
            ("Cc", new[] { "\"Doe, Jane\" <jane@fabrikam.com>" }),
            ("Bcc", new[] { "audit@contoso.com" }),
            ("ReplyTo", new[] { "helpdesk@contoso.com" }),
            ("From", "Reports <reports@contoso.com>"),
            ("Subject", "Quarterly numbers")));

        Assert.Equal(SendStatus.Sent, result.Status);
        var message = Only();
        Assert.Equal(new[] { "alice@fabrikam.com", "bob@fabrikam.com", "carol@fabrikam.com" }, message.ToRecipients.Select(r => r.Address));
        Assert.Equal("Alice", message.ToRecipients[0].Name);
        Assert.Equal(new RecordedRecipient("jane@fabrikam.com", "Doe, Jane"), Assert.Single(message.CcRecipients));
        Assert.Equal("audit@contoso.com", Assert.Single(message.BccRecipients).Address);
        Assert.Equal("helpdesk@contoso.com", Assert.Single(message.ReplyTo).Address);
        Assert.Equal("reports@contoso.com", message.SenderMailbox);
        Assert.Equal(new RecordedRecipient("reports@contoso.com", "Reports"), message.From);
        Assert.Equal("Quarterly numbers", message.Subject);
        Assert.Equal("sendMail", message.Path);
    }

    [Fact]
    public void FromDefaultsToTheConnectionsDefaultSender()
    {
        Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("Subject", "s")));
        Assert.Equal(SandboxDefaults.Noreply, Only().SenderMailbox);
    }

    [Theory]
    [InlineData(false, "text")]
    [InlineData(true, "html")]
    public void BodyAsHtmlSetsTheContentType(bool html, string expected)
    {
        Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("Body", "<b>hi</b> ünïcode ✓"), ("BodyAsHtml", html)));
        var message = Only();
        Assert.Equal(expected, message.BodyContentType);
        Assert.Equal("<b>hi</b> ünïcode ✓", message.BodyContent);
    }

    [Theory]
    [InlineData(MailPriority.High, "high")]
    [InlineData(MailPriority.Low, "low")]
    [InlineData(MailPriority.Normal, "normal")]
    public void PriorityBecomesImportance(MailPriority priority, string importance)
    {
        Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("Priority", priority)));
        Assert.Equal(importance, Only().Importance);
    }

    [Fact]
    public void HeadersAreSentAsInternetMessageHeaders()
    {
        Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("Header", new Hashtable { ["X-Ticket"] = "12345", ["x-run"] = "nightly" })));
        var headers = Only().InternetMessageHeaders.OrderBy(h => h.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { new RecordedHeader("X-Ticket", "12345"), new RecordedHeader("x-run", "nightly") }, headers);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void SaveToSentItemsDefaultsOnAndCanBeTurnedOff(bool? given, bool recorded)
    {
        var parameters = given is null
            ? Parameters(("To", "a@fabrikam.com"))
            : Parameters(("To", "a@fabrikam.com"), ("SaveToSentItems", given.Value));
        Harness.SendOne(parameters);
        Assert.Equal(recorded, Only().SaveToSentItems);
    }

    [Theory]
    [InlineData(System.Net.Mail.DeliveryNotificationOptions.OnSuccess, true)]
    [InlineData(System.Net.Mail.DeliveryNotificationOptions.OnFailure, false)]
    [InlineData(System.Net.Mail.DeliveryNotificationOptions.None, false)]
    public void OnSuccessAsksForADeliveryReceipt(System.Net.Mail.DeliveryNotificationOptions options, bool receipt)
    {
        Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("DeliveryNotificationOption", options)));
        Assert.Equal(receipt, Only().IsDeliveryReceiptRequested);
    }

    [Fact]
    public void TheStampedInternetMessageIdIsTheRecordedOne()
    {
        var result = Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("From", "reports@contoso.com")));
        Assert.Matches("^<[0-9a-f]{32}@contoso.com>$", result.InternetMessageId);
        Assert.Equal(result.InternetMessageId, Only().InternetMessageId);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(Only().RequestId, result.RequestId);
        Assert.Equal(Only().ClientRequestId, result.ClientRequestId);
    }

    [Fact]
    public void SmallAttachmentsTravelInsideSendMail()
    {
        var report = Files.Create("report.pdf", 200_000, seed: 7);
        var log = Files.Create("run.log", 1_000_000, seed: 8);
        var result = Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("Attachments", new[] { report, log })));

        Assert.Equal(SendPath.SendMail, result.Path);
        var attachments = Only().Attachments.OrderBy(a => a.Name).ToList();
        Assert.Equal(new[] { "report.pdf", "run.log" }, attachments.Select(a => a.Name));
        Assert.Equal(new[] { TestFiles.Sha256(report), TestFiles.Sha256(log) }, attachments.Select(a => a.Sha256));
        Assert.Equal(new[] { 200_000L, 1_000_000L }, attachments.Select(a => a.Size));
        Assert.Equal("application/pdf", attachments[0].ContentType);
        Assert.All(attachments, a => Assert.False(a.IsInline));
    }

    [Fact]
    public void InlineImagesCarryTheirContentId()
    {
        var logo = Files.Create("logo.png", 5_000);
        var result = Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("Body", "<img src=\"cid:logo\">"), ("BodyAsHtml", true),
            ("InlineAttachment", new Hashtable { ["logo"] = logo })));

        Assert.Equal(SendStatus.Sent, result.Status);
        var attachment = Assert.Single(Only().Attachments);
        Assert.True(attachment.IsInline);
        Assert.Equal("logo", attachment.ContentId);
        Assert.Equal("image/png", attachment.ContentType);
        Assert.Equal(TestFiles.Sha256(logo), attachment.Sha256);
    }
}
