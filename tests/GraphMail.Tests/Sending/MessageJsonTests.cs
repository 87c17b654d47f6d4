using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending.Paths;
using GraphMail.Engine.Sending.Payload;
using GraphMail.Engine.Sending.Validation;
using static GraphMail.Tests.Sending.SendHarness;

namespace GraphMail.Tests.Sending;

/// <summary>The JSON Graph gets: its documented camelCase shape, and only what Graph accepts.</summary>
public sealed class MessageJsonTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static JsonElement Parse(PooledBuffer buffer) => JsonDocument.Parse(buffer.Written.AsMemory()).RootElement.Clone();

    [Fact]
    public async Task SendMailCarriesTheDocumentedShape()
    {
        var file = _files.Create("a.txt", 10, seed: 2);
        var message = MessageBuilder.Build(Parameters(("To", "Ann <ann@fabrikam.com>"), ("Subject", "s"), ("Body", "<b>b</b>"), ("BodyAsHtml", true),
            ("Priority", System.Net.Mail.MailPriority.High), ("Attachments", file), ("SaveToSentItems", false),
            ("DeliveryNotificationOption", System.Net.Mail.DeliveryNotificationOptions.OnSuccess)), "noreply@contoso.com", Path.GetFullPath);

        using var buffer = await MessageJson.SendMailAsync(message, CancellationToken.None);
        var root = Parse(buffer);
        var m = root.GetProperty("message");

        Assert.False(root.GetProperty("saveToSentItems").GetBoolean());
        Assert.Equal("HTML", m.GetProperty("body").GetProperty("contentType").GetString());
        Assert.Equal("Ann", m.GetProperty("toRecipients")[0].GetProperty("emailAddress").GetProperty("name").GetString());
        Assert.Equal("high", m.GetProperty("importance").GetString());
        Assert.True(m.GetProperty("isDeliveryReceiptRequested").GetBoolean());
        Assert.Equal(message.InternetMessageId, m.GetProperty("internetMessageId").GetString());
        var attachment = m.GetProperty("attachments")[0];
        Assert.Equal("#microsoft.graph.fileAttachment", attachment.GetProperty("@odata.type").GetString());
        Assert.Equal(File.ReadAllBytes(file), attachment.GetProperty("contentBytes").GetBytesFromBase64());
        Assert.False(m.TryGetProperty("internetMessageHeaders", out _), "Graph refuses an empty header array");
        Assert.False(m.TryGetProperty("ccRecipients", out _));
        Assert.False(m.TryGetProperty("singleValueExtendedProperties", out _));
    }

    [Fact]
    public async Task ADraftThatShouldNotBeKeptIsMarkedDeleteAfterSubmit()
    {
        var message = MessageBuilder.Build(Parameters(("To", "ann@fabrikam.com"), ("SaveToSentItems", false), ("Header", new Hashtable { ["X-A"] = "1" })),
            "noreply@contoso.com", Path.GetFullPath);

        using var buffer = await MessageJson.DraftAsync(message, Array.Empty<Engine.Sending.Model.AttachmentFile>(), CancellationToken.None);
        var root = Parse(buffer);

        var property = root.GetProperty("singleValueExtendedProperties")[0];
        Assert.Equal(("Boolean 0x0E01", "true"), (property.GetProperty("id").GetString(), property.GetProperty("value").GetString()));
        Assert.Equal("X-A", root.GetProperty("internetMessageHeaders")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void AnUploadSessionDescribesTheFile()
    {
        var logo = _files.Create("logo.png", 3 * 1024 * 1024);
        var message = MessageBuilder.Build(Parameters(("To", "ann@fabrikam.com"), ("InlineAttachment", new Hashtable { ["logo"] = logo })), "noreply@contoso.com", Path.GetFullPath);

        using var buffer = MessageJson.UploadSession(message.Attachments.Single());
        var item = Parse(buffer).GetProperty("AttachmentItem");

        Assert.Equal("file", item.GetProperty("attachmentType").GetString());
        Assert.Equal(3 * 1024 * 1024, item.GetProperty("size").GetInt64());
        Assert.True(item.GetProperty("isInline").GetBoolean());
        Assert.Equal("logo", item.GetProperty("contentId").GetString());
    }

    [Theory]
    [InlineData("{\"nextExpectedRanges\":[\"2097152\"]}", 2097152L)]
    [InlineData("{\"NextExpectedRanges\":[\"4194304-8388607\",\"9000000-\"]}", 4194304L)]
    [InlineData("{\"nextExpectedRanges\":[]}", null)]
    [InlineData("{\"ExpirationDateTime\":\"2026-11-21T12:00:00Z\"}", null)]
    [InlineData("not json", null)]
    [InlineData("", null)]
    public void TheNextRangeIsReadFromTheServicesAnswer(string json, long? start) =>
        Assert.Equal(start, UploadSessionJson.NextExpectedStart(json));

    [Fact]
    public void SmallAttachmentsRideOnTheDraftWhileTheyFit()
    {
        var files = Enumerable.Range(1, 3).Select(i => _files.Create($"f{i}.bin", 2_500_000, seed: i)).Append(_files.Create("big.bin", 3 * 1024 * 1024)).ToArray();
        var message = MessageBuilder.Build(Parameters(("To", "ann@fabrikam.com"), ("Attachments", files)), "noreply@contoso.com", Path.GetFullPath);

        var (onDraft, added, uploaded) = DraftUploadPath.Split(message);

        Assert.Single(onDraft);
        Assert.Equal(2, added.Count);
        Assert.Equal("big.bin", Assert.Single(uploaded).Name);
    }
}
