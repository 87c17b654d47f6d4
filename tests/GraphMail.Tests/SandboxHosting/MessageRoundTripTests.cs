using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Engine.SandboxHosting.Control;
using GraphMail.Tests.Infrastructure;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Messages.Item.Attachments.CreateUploadSession;

namespace GraphMail.Tests.SandboxHosting;

/// <summary>A real send through the real sandbox, read back through the control client: every SandboxMessage property.</summary>
public sealed class MessageRoundTripTests(SandboxFixture sandbox) : ControlClientTestBase(sandbox)
{
    private static readonly byte[] Report = "quarter,total\nQ3,42\n"u8.ToArray();
    private static readonly byte[] Logo = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];

    [Fact]
    public async Task Every_property_of_a_sendMail_message_arrives_as_sent()
    {
        var body = $$$"""
            {"message":{
              "subject":"Quarterly report",
              "body":{"contentType":"HTML","content":"<p>See <img src=\"cid:logo\"></p>"},
              "from":{"emailAddress":{"address":"reports@contoso.com","name":"Reports"}},
              "toRecipients":[{"emailAddress":{"address":"ann@example.com","name":"Ann"}},{"emailAddress":{"address":"bob@example.com"}}],
              "ccRecipients":[{"emailAddress":{"address":"cc@example.com","name":"Carbon"}}],
              "bccRecipients":[{"emailAddress":{"address":"bcc@example.com"}}],
              "replyTo":[{"emailAddress":{"address":"help@contoso.com","name":"Help desk"}}],
              "importance":"high",
              "internetMessageId":"<report-42@contoso.com>",
              "internetMessageHeaders":[{"name":"X-Ticket","value":"42"},{"name":"x-run","value":"nightly"},{"name":"X-Ticket","value":"43"}],
              "attachments":[
                {"@odata.type":"#microsoft.graph.fileAttachment","name":"report.csv","contentType":"text/csv","contentBytes":"{{{Convert.ToBase64String(Report)}}}"},
                {"@odata.type":"#microsoft.graph.fileAttachment","name":"logo.png","contentType":"image/png","contentBytes":"{{{Convert.ToBase64String(Logo)}}}","isInline":true,"contentId":"logo"}]},
             "saveToSentItems":false}
            """;
        var clientRequestId = Guid.NewGuid().ToString();
        var token = await Sandbox.TokenAsync(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);
        var before = DateTimeOffset.UtcNow;

        using var sent = await SandboxGraphRequests.SendMailAsync(Sandbox, token, SandboxDefaults.Reports, body, clientRequestId);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var message = Assert.Single(await Control.GetMessagesAsync(null, TestTimeout.Token));

        var recorded = Assert.Single(Sandbox.Control.GetMessages());
        Assert.Equal(recorded.Id, message.Id);
        Assert.Equal(SandboxDefaults.Reports, message.Mailbox);
        Assert.Equal(("reports@contoso.com", "Reports"), (message.From!.Address, message.From.Name));
        Assert.Equal(["Ann <ann@example.com>", "bob@example.com"], message.To.Select(r => r.ToString()));
        Assert.Equal([("cc@example.com", "Carbon")], message.Cc.Select(r => (r.Address, r.Name)));
        Assert.Equal([("bcc@example.com", (string?)null)], message.Bcc.Select(r => (r.Address, r.Name)));
        Assert.Equal(["Help desk <help@contoso.com>"], message.ReplyTo.Select(r => r.ToString()));
        Assert.Equal("Quarterly report", message.Subject);
        Assert.Equal("<p>See <img src=\"cid:logo\"></p>", message.Body);
        Assert.Equal("html", message.BodyType);
        Assert.Equal("high", message.Importance);
        Assert.Equal("<report-42@contoso.com>", message.InternetMessageId);
        Assert.Equal("42, 43", message.Headers["x-ticket"]);
        Assert.Equal("nightly", message.Headers["X-Run"]);
        Assert.Equal(2, message.Headers.Count);
        Assert.False(message.SaveToSentItems);
        Assert.InRange(message.ReceivedAt, before.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(SandboxDefaults.SenderAppId, message.ClientId);
        Assert.Equal(sent.Headers.GetValues("request-id").Single(), message.RequestId);
        Assert.Equal(clientRequestId, message.ClientRequestId);
        Assert.Equal("sendMail", message.Path);

        var report = message.Attachments[0];
        Assert.Equal(("report.csv", "text/csv", (long)Report.Length, false, (string?)null, "inline"), (report.Name, report.ContentType, report.Size, report.IsInline, report.ContentId, report.Source));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Report)), report.Sha256);
        var logo = message.Attachments[1];
        Assert.Equal(("logo.png", "image/png", (long)Logo.Length, true, "logo", "inline"), (logo.Name, logo.ContentType, logo.Size, logo.IsInline, logo.ContentId, logo.Source));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Logo)), logo.Sha256);

        // A property added to SandboxMessage but not mapped would keep its default and fail here.
        Assert.All(typeof(SandboxMessage).GetProperties(), p => Assert.False(IsDefault(p.GetValue(message)), p.Name + " kept its default"));
    }

    [Fact]
    public async Task A_draft_sent_with_an_upload_session_says_so_and_lists_the_open_draft_before()
    {
        var graph = SandboxGraph.Create(Sandbox.Server, SandboxMsal.WithSecret(Sandbox.Server, SandboxDefaults.LargeAttachmentsAppId, SandboxDefaults.LargeAttachmentsSecret));
        var content = RandomNumberGenerator.GetBytes((3 * 1024 * 1024) + 17);
        var draft = await graph.Users[SandboxDefaults.Noreply].Messages.PostAsync(new Message
        {
            Subject = "Big file",
            ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = "to@example.com" } }],
        });
        var session = await graph.Users[SandboxDefaults.Noreply].Messages[draft!.Id].Attachments.CreateUploadSession.PostAsync(new CreateUploadSessionPostRequestBody
        {
            AttachmentItem = new AttachmentItem { AttachmentType = AttachmentType.File, Name = "big.bin", Size = content.Length, ContentType = "application/octet-stream" },
        });

        var pending = Assert.Single(await Control.GetDraftsAsync(TestTimeout.Token));
        Assert.Equal((draft.Id, SandboxDefaults.Noreply, SandboxDefaults.LargeAttachmentsAppId, "Big file", 1), (pending.Id, pending.Mailbox, pending.ClientId, pending.Subject, pending.OpenUploadSessions));
        Assert.NotEqual(default, pending.CreatedAt);

        var upload = new LargeFileUploadTask<FileAttachment>(session!, new MemoryStream(content), 12 * 320 * 1024, SandboxGraph.CreateAnonymousAdapter(Sandbox.Server));
        Assert.True((await upload.UploadAsync()).UploadSucceeded);
        await graph.Users[SandboxDefaults.Noreply].Messages[draft.Id].Send.PostAsync();

        Assert.Empty(await Control.GetDraftsAsync(TestTimeout.Token));
        var message = Assert.Single(await Control.GetMessagesAsync(SandboxDefaults.Noreply, TestTimeout.Token));
        Assert.Equal(("draftSend", true), (message.Path, message.SaveToSentItems));
        var attachment = Assert.Single(message.Attachments);
        Assert.Equal(("big.bin", (long)content.Length, "uploadSession"), (attachment.Name, attachment.Size, attachment.Source));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(content)), attachment.Sha256);
    }

    [Fact]
    public async Task Messages_filter_by_mailbox_and_clear()
    {
        var token = await Sandbox.TokenAsync(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);
        (await SandboxGraphRequests.SendMailAsync(Sandbox, token, SandboxDefaults.Noreply, SandboxGraphRequests.SendMailBody(subject: "one"))).Dispose();
        (await SandboxGraphRequests.SendMailAsync(Sandbox, token, SandboxDefaults.Reports, SandboxGraphRequests.SendMailBody(subject: "two"))).Dispose();

        Assert.Equal(["one", "two"], (await Control.GetMessagesAsync(null, TestTimeout.Token)).Select(m => m.Subject));
        Assert.Equal(["two"], (await Control.GetMessagesAsync("REPORTS@contoso.com", TestTimeout.Token)).Select(m => m.Subject));
        Assert.Empty(await Control.GetMessagesAsync("nobody+x@contoso.com", TestTimeout.Token));

        await Control.ClearMessagesAsync(TestTimeout.Token);

        Assert.Empty(await Control.GetMessagesAsync(null, TestTimeout.Token));
        Assert.Empty(Sandbox.Control.GetMessages());
    }

    [Fact]
    public async Task The_request_log_reads_with_its_route_filter()
    {
        var token = await Sandbox.TokenAsync(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);
        (await SandboxGraphRequests.SendMailAsync(Sandbox, token, SandboxDefaults.Noreply, SandboxGraphRequests.SendMailBody(), "crid-1")).Dispose();

        var entries = await Control.GetRequestsAsync(SandboxFaultNames.SendMailRoute, TestTimeout.Token);

        var entry = Assert.Single(entries);
        var logged = Assert.Single(Sandbox.Control.GetRequests(), r => r.Route == SandboxFaultNames.SendMailRoute);
        Assert.Equal(("POST", "sendMail", 202, SandboxDefaults.SenderAppId, "crid-1", logged.RequestId), (entry.Method, entry.Route, entry.Status, entry.ClientId, entry.ClientRequestId, entry.RequestId));
        Assert.Equal(logged.Path, entry.Path);
        Assert.Equal(logged.Time, entry.Time);
        Assert.Null(entry.Fault);
        Assert.Null(entry.BatchRequestId);
        Assert.Contains(await Control.GetRequestsAsync(null, TestTimeout.Token), r => r.Route == SandboxFaultNames.TokenRoute);
    }

    private static bool IsDefault(object? value) => value switch
    {
        null => true,
        string text => text.Length == 0,
        System.Collections.ICollection collection => collection.Count == 0,
        bool => false,
        DateTimeOffset time => time == default,
        _ => false,
    };
}
