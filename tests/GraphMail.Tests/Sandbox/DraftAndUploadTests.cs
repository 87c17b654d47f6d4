using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using GraphMail.Sandbox.Routing;
using GraphMail.Tests.Infrastructure;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Messages.Item.Attachments.CreateUploadSession;

namespace GraphMail.Tests.Sandbox;

public sealed class DraftAndUploadTests : IClassFixture<SandboxFixture>
{
    /// <summary>The SDK wants slices in multiples of 320 KiB; Outlook wants at most 4 MB per PUT.</summary>
    private const int SliceSize = 12 * 320 * 1024;

    private readonly SandboxFixture _sandbox;

    public DraftAndUploadTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public async Task The_graph_sdk_sends_a_large_attachment_through_draft_upload_session_and_send()
    {
        var graph = SandboxGraph.Create(_sandbox.Server, LargeAttachmentsApp());
        var content = RandomNumberGenerator.GetBytes(9 * 1024 * 1024 + 123);

        var draft = await graph.Users[SandboxDefaults.Noreply].Messages.PostAsync(new Message
        {
            Subject = "Big file",
            ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = "to@example.com" } }],
        });
        Assert.True(draft!.IsDraft);
        var session = await graph.Users[SandboxDefaults.Noreply].Messages[draft.Id].Attachments.CreateUploadSession.PostAsync(new CreateUploadSessionPostRequestBody
        {
            AttachmentItem = new AttachmentItem { AttachmentType = AttachmentType.File, Name = "big.bin", Size = content.Length, ContentType = "application/octet-stream" },
        });
        Assert.StartsWith(_sandbox.Server.Origin.ToString(), session!.UploadUrl);
        Assert.Contains("authtoken=", session.UploadUrl);
        var upload = new LargeFileUploadTask<FileAttachment>(session, new MemoryStream(content), SliceSize, SandboxGraph.CreateAnonymousAdapter(_sandbox.Server));
        var result = await upload.UploadAsync();
        Assert.True(result.UploadSucceeded);
        Assert.Contains("/Attachments('", result.Location!.ToString());
        var pending = Assert.Single(_sandbox.Control.GetDrafts());
        Assert.Equal(draft.Id, pending.Id);
        Assert.Equal(0, pending.OpenUploadSessions);

        await graph.Users[SandboxDefaults.Noreply].Messages[draft.Id].Send.PostAsync();

        Assert.Empty(_sandbox.Control.GetDrafts());
        var message = Assert.Single(_sandbox.Control.GetMessages());
        Assert.Equal("draftSend", message.Path);
        var attachment = Assert.Single(message.Attachments);
        Assert.Equal(("big.bin", (long)content.Length, "uploadSession"), (attachment.Name, attachment.Size, attachment.Source));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant(), attachment.Sha256);
        var uploads = _sandbox.Control.GetRequests().Where(r => r.Route == RouteNames.UploadChunk).ToList();
        Assert.Equal(3, uploads.Count);
        Assert.Equal([200, 200, 201], uploads.Select(r => r.Status));
        Assert.All(uploads, r => Assert.Contains("authtoken=***", r.Path));
    }

    [Fact]
    public async Task Drafts_can_be_read_and_deleted_and_orphans_are_visible()
    {
        var token = await Token();
        using var created = await SandboxGraphRequests.SendAsync(_sandbox, HttpMethod.Post, $"users/{SandboxDefaults.Noreply}/messages", token,
            "{\"Subject\":\"draft\",\"Body\":{\"ContentType\":\"text\",\"Content\":\"x\"}}");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var id = draft.GetProperty("id").GetString()!;
        Assert.True(draft.GetProperty("isDraft").GetBoolean());
        Assert.Equal("draft", Assert.Single(_sandbox.Control.GetDrafts()).Subject);

        using var read = await SandboxGraphRequests.SendAsync(_sandbox, HttpMethod.Get, $"users/{SandboxDefaults.Noreply}/messages/{id}", token);
        using var deleted = await SandboxGraphRequests.SendAsync(_sandbox, HttpMethod.Delete, $"users/{SandboxDefaults.Noreply}/messages/{id}", token);
        using var gone = await SandboxGraphRequests.SendAsync(_sandbox, HttpMethod.Get, $"users/{SandboxDefaults.Noreply}/messages/{id}", token);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(id, JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("The specified object was not found in the store.", await SandboxGraphRequests.AssertGraphErrorAsync(gone, 404, "ErrorItemNotFound"));
        Assert.Empty(_sandbox.Control.GetDrafts());
    }

    [Theory]
    [InlineData(3 * 1024 * 1024 - 1, "ErrorAttachmentSizeShouldNotBeLessThanMinimumSize")]
    [InlineData(36 * 1024 * 1024, "ErrorMessageSizeExceeded")]
    public async Task Upload_sessions_refuse_sizes_outside_the_limits(long size, string code)
    {
        var token = await Token();
        var id = await CreateDraftAsync(token);

        using var response = await SandboxGraphRequests.SendAsync(_sandbox, HttpMethod.Post,
            $"users/{SandboxDefaults.Noreply}/messages/{id}/attachments/createUploadSession", token,
            $"{{\"AttachmentItem\":{{\"attachmentType\":\"file\",\"name\":\"f.bin\",\"size\":{size}}}}}");

        await SandboxGraphRequests.AssertGraphErrorAsync(response, 400, code);
    }

    [Fact]
    public async Task Upload_urls_enforce_order_chunk_size_and_no_bearer_token()
    {
        var token = await Token();
        var id = await CreateDraftAsync(token);
        const int size = 6 * 1024 * 1024;
        var uploadUrl = await CreateSessionAsync(token, id, size);

        using var outOfOrder = await PutAsync(uploadUrl, 1024, 2047, size);
        using var tooBig = await PutAsync(uploadUrl, 0, 4 * 1024 * 1024, size);
        using var withBearer = await PutAsync(uploadUrl, 0, 1023, size, bearer: token);
        using var badRange = await PutAsync(uploadUrl, 0, 1023, size + 1);
        using var noAuthToken = await PutAsync(uploadUrl[..uploadUrl.IndexOf('?')], 0, 1023, size);
        using var first = await PutAsync(uploadUrl, 0, 1024 * 1024 - 1, size);

        await SandboxGraphRequests.AssertGraphErrorAsync(outOfOrder, 416, "InvalidRange");
        await SandboxGraphRequests.AssertGraphErrorAsync(tooBig, 413, "RequestEntityTooLarge");
        await SandboxGraphRequests.AssertGraphErrorAsync(withBearer, 401, "InvalidAuthenticationToken");
        await SandboxGraphRequests.AssertGraphErrorAsync(badRange, 400, "InvalidContentRange");
        await SandboxGraphRequests.AssertGraphErrorAsync(noAuthToken, 401, "InvalidAuthenticationToken");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var progress = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        Assert.True(progress.TryGetProperty("ExpirationDateTime", out _));
        Assert.Equal("1048576", progress.GetProperty("nextExpectedRanges")[0].GetString());
    }

    [Fact]
    public async Task Deleting_the_upload_url_cancels_the_session()
    {
        var token = await Token();
        var id = await CreateDraftAsync(token);
        var uploadUrl = await CreateSessionAsync(token, id, 4 * 1024 * 1024);
        Assert.Equal(1, Assert.Single(_sandbox.Control.GetDrafts()).OpenUploadSessions);

        using var cancel = await _sandbox.Http.DeleteAsync(uploadUrl);
        using var after = await PutAsync(uploadUrl, 0, 1023, 4 * 1024 * 1024);

        Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        Assert.Equal(0, Assert.Single(_sandbox.Control.GetDrafts()).OpenUploadSessions);
        await SandboxGraphRequests.AssertGraphErrorAsync(after, 404, "ErrorItemNotFound");
    }

    [Fact]
    public async Task Send_without_a_content_length_is_411_and_keeps_the_draft()
    {
        var token = await Token();
        var id = await CreateDraftAsync(token);

        var status = await RawPostWithoutContentLengthAsync($"/v1.0/users/{SandboxDefaults.Noreply}/messages/{id}/send", token);

        Assert.Equal(411, status);
        Assert.Single(_sandbox.Control.GetDrafts());
        Assert.Empty(_sandbox.Control.GetMessages());
    }

    private async Task<string> Token() => await _sandbox.TokenAsync(SandboxDefaults.LargeAttachmentsAppId, SandboxDefaults.LargeAttachmentsSecret);

    private Microsoft.Identity.Client.IConfidentialClientApplication LargeAttachmentsApp() =>
        SandboxMsal.WithSecret(_sandbox.Server, SandboxDefaults.LargeAttachmentsAppId, SandboxDefaults.LargeAttachmentsSecret);

    private async Task<string> CreateDraftAsync(string token)
    {
        using var created = await SandboxGraphRequests.SendAsync(_sandbox, HttpMethod.Post, $"users/{SandboxDefaults.Noreply}/messages", token,
            "{\"subject\":\"with attachment\",\"toRecipients\":[{\"emailAddress\":{\"address\":\"to@example.com\"}}]}");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    private async Task<string> CreateSessionAsync(string token, string draftId, long size)
    {
        using var response = await SandboxGraphRequests.SendAsync(_sandbox, HttpMethod.Post,
            $"users/{SandboxDefaults.Noreply}/messages/{draftId}/attachments/createUploadSession", token,
            $"{{\"AttachmentItem\":{{\"attachmentType\":\"file\",\"name\":\"f.bin\",\"size\":{size}}}}}");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var session = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("0-", session.GetProperty("nextExpectedRanges")[0].GetString());
        return session.GetProperty("uploadUrl").GetString()!;
    }

    private async Task<HttpResponseMessage> PutAsync(string url, long start, long end, long total, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(new byte[end - start + 1]) };
        request.Content.Headers.Add("Content-Range", $"bytes {start}-{end}/{total}");
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return await _sandbox.Http.SendAsync(request);
    }

    /// <summary>HttpClient always sends Content-Length: 0 on an empty POST, so this writes HTTP/1.1 by hand over TLS.</summary>
    private async Task<int> RawPostWithoutContentLengthAsync(string path, string token)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _sandbox.Server.Port);
        await using var tls = new SslStream(tcp.GetStream(), false, (_, certificate, _, _) =>
            certificate is not null && string.Equals(certificate.GetCertHashString(), _sandbox.Server.CertificateThumbprint, StringComparison.OrdinalIgnoreCase));
        await tls.AuthenticateAsClientAsync("127.0.0.1");
        var request = $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{_sandbox.Server.Port}\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n";
        await tls.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(tls, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync();
        return int.Parse(statusLine!.Split(' ')[1]);
    }
}
