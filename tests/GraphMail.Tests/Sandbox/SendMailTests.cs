using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using GraphMail.Sandbox;
using GraphMail.Sandbox.Control;
using GraphMail.Sandbox.Routing;
using GraphMail.Tests.Infrastructure;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.SendMail;

namespace GraphMail.Tests.Sandbox;

public sealed class SendMailTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public SendMailTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public async Task The_graph_sdk_sends_and_the_sandbox_records_everything()
    {
        var graph = SandboxGraph.Create(_sandbox.Server, _sandbox.SenderApp());
        var attachment = Encoding.UTF8.GetBytes("attached text");
        var body = new SendMailPostRequestBody
        {
            Message = new Message
            {
                Subject = "Quarterly report",
                Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Hi</p>" },
                From = Recipient("noreply@contoso.com"),
                ToRecipients = [Recipient("to@example.com", "To Person")],
                CcRecipients = [Recipient("cc@example.com")],
                BccRecipients = [Recipient("bcc@example.com")],
                ReplyTo = [Recipient("reply@example.com")],
                Importance = Importance.High,
                InternetMessageId = "<given-by-client@contoso.com>",
                InternetMessageHeaders = [new InternetMessageHeader { Name = "X-Campaign", Value = "q3" }],
                Attachments =
                [
                    new FileAttachment { Name = "a.txt", ContentType = "text/plain", ContentBytes = attachment, IsInline = true, ContentId = "cid1" },
                ],
            },
            SaveToSentItems = false,
        };

        await graph.Users[SandboxDefaults.Noreply].SendMail.PostAsync(body);

        var message = Assert.Single(_sandbox.Control.GetMessages());
        Assert.Equal(SandboxDefaults.Noreply, message.SenderMailbox);
        Assert.Equal("Quarterly report", message.Subject);
        Assert.Equal("html", message.BodyContentType);
        Assert.Equal("<p>Hi</p>", message.BodyContent);
        Assert.Equal(new RecordedRecipient("noreply@contoso.com", null), message.From);
        Assert.Equal([new RecordedRecipient("to@example.com", "To Person")], message.ToRecipients);
        Assert.Equal("cc@example.com", Assert.Single(message.CcRecipients).Address);
        Assert.Equal("bcc@example.com", Assert.Single(message.BccRecipients).Address);
        Assert.Equal("reply@example.com", Assert.Single(message.ReplyTo).Address);
        Assert.Equal("high", message.Importance);
        Assert.Equal("<given-by-client@contoso.com>", message.InternetMessageId);
        Assert.Equal([new RecordedHeader("X-Campaign", "q3")], message.InternetMessageHeaders);
        Assert.False(message.SaveToSentItems);
        Assert.Equal(SandboxDefaults.SenderAppId, message.AppId);
        Assert.Equal("sendMail", message.Path);
        var recorded = Assert.Single(message.Attachments);
        Assert.Equal(("a.txt", "text/plain", (long)attachment.Length, true, "cid1"), (recorded.Name, recorded.ContentType, recorded.Size, recorded.IsInline, recorded.ContentId));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(attachment)).ToLowerInvariant(), recorded.Sha256);
        var request = Assert.Single(_sandbox.Control.GetRequests(), r => r.Route == RouteNames.SendMail);
        Assert.Equal(202, request.Status);
        Assert.Equal(request.RequestId, message.RequestId);
        Assert.Equal(request.ClientRequestId, message.ClientRequestId);
        Assert.NotNull(message.ClientRequestId);
    }

    [Fact]
    public async Task A_raw_send_answers_202_with_an_empty_body_and_echoes_the_client_request_id()
    {
        var token = await _sandbox.TokenAsync(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);
        var clientRequestId = Guid.NewGuid().ToString();

        using var response = await SandboxGraphRequests.SendMailAsync(_sandbox, token, SandboxDefaults.NoreplyId, SandboxGraphRequests.SendMailBody(), clientRequestId);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(clientRequestId, response.Headers.GetValues("client-request-id").Single());
        Assert.Single(response.Headers.GetValues("request-id"));
        Assert.Contains("ServerInfo", response.Headers.GetValues("x-ms-ags-diagnostic").Single());
        var message = Assert.Single(_sandbox.Control.GetMessages());
        Assert.Equal(SandboxDefaults.Noreply, message.SenderMailbox);
        Assert.Matches("^<[0-9a-f-]{36}@sandbox>$", message.InternetMessageId);
    }

    [Theory]
    [InlineData("{\"Message\":{\"Subject\":\"S\",\"ToRecipients\":[{\"EmailAddress\":{\"Address\":\"a@example.com\"}}]},\"SaveToSentItems\":false}", false)]
    [InlineData("{\"MESSAGE\":{\"subject\":\"S\",\"toRecipients\":[{\"emailAddress\":{\"address\":\"a@example.com\"}}]},\"saveToSentItems\":\"false\"}", false)]
    [InlineData("{\"message\":{\"subject\":\"S\",\"toRecipients\":[{\"emailAddress\":{\"address\":\"a@example.com\"}}]}}", true)]
    public async Task Property_names_match_case_insensitively_and_saveToSentItems_may_be_a_string(string json, bool expectedSave)
    {
        var token = await _sandbox.TokenAsync(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);

        using var response = await SandboxGraphRequests.SendMailAsync(_sandbox, token, SandboxDefaults.Noreply, json);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var message = Assert.Single(_sandbox.Control.GetMessages());
        Assert.Equal(("S", "a@example.com", expectedSave), (message.Subject, message.ToRecipients.Single().Address, message.SaveToSentItems));
    }

    [Fact]
    public async Task Missing_expired_or_foreign_tokens_are_401_InvalidAuthenticationToken()
    {
        var token = await _sandbox.TokenAsync(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);
        var forged = token[..token.LastIndexOf('.')] + ".c2lnbmF0dXJl";

        using var missing = await SandboxGraphRequests.SendMailAsync(_sandbox, null!, SandboxDefaults.Noreply, SandboxGraphRequests.SendMailBody());
        using var bad = await SandboxGraphRequests.SendMailAsync(_sandbox, forged, SandboxDefaults.Noreply, SandboxGraphRequests.SendMailBody());
        _sandbox.Control.ExpireAllTokens();
        using var expired = await SandboxGraphRequests.SendMailAsync(_sandbox, token, SandboxDefaults.Noreply, SandboxGraphRequests.SendMailBody());

        Assert.Equal("Access token is empty.", await SandboxGraphRequests.AssertGraphErrorAsync(missing, 401, "InvalidAuthenticationToken"));
        Assert.Contains("Invalid signature", await SandboxGraphRequests.AssertGraphErrorAsync(bad, 401, "InvalidAuthenticationToken"));
        Assert.Equal("Lifetime validation failed, the token is expired.", await SandboxGraphRequests.AssertGraphErrorAsync(expired, 401, "InvalidAuthenticationToken"));
        Assert.Empty(_sandbox.Control.GetMessages());
    }

    [Fact]
    public async Task A_token_past_its_lifetime_is_expired()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Clock = clock });
        var token = await SandboxMsal.TokenAsync(server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);
        using var http = SandboxTls.CreateClient(server.CertificateThumbprint, server.AuthorityBaseUri);
        Task<HttpResponseMessage> SendAsync() => SandboxGraphRequests.SendMailAsync(http, token, SandboxDefaults.Noreply, SandboxGraphRequests.SendMailBody());

        clock.Advance(TimeSpan.FromSeconds(3598));
        using var stillValid = await SendAsync();
        clock.Advance(TimeSpan.FromSeconds(2));
        using var expired = await SendAsync();

        Assert.Equal(HttpStatusCode.Accepted, stillValid.StatusCode);
        Assert.Equal("Lifetime validation failed, the token is expired.", await SandboxGraphRequests.AssertGraphErrorAsync(expired, 401, "InvalidAuthenticationToken"));
    }

    [Fact]
    public async Task Permission_problems_are_NoPermissionsInAccessToken_or_ErrorAccessDenied()
    {
        var unconsented = await _sandbox.TokenAsync(SandboxDefaults.UnconsentedAppId, SandboxDefaults.UnconsentedSecret);
        var sender = await _sandbox.TokenAsync(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);

        using var noRoles = await SandboxGraphRequests.SendMailAsync(_sandbox, unconsented, SandboxDefaults.Noreply, SandboxGraphRequests.SendMailBody());
        using var noMailReadWrite = await SandboxGraphRequests.SendAsync(_sandbox, HttpMethod.Post, $"users/{SandboxDefaults.Noreply}/messages", sender, "{\"subject\":\"x\"}");

        Assert.Equal("The token contains no permissions, or permissions can not be understood.",
            await SandboxGraphRequests.AssertGraphErrorAsync(noRoles, 401, "NoPermissionsInAccessToken"));
        Assert.Equal("Access is denied. Check credentials and try again.", await SandboxGraphRequests.AssertGraphErrorAsync(noMailReadWrite, 403, "ErrorAccessDenied"));
    }

    [Theory]
    [InlineData("nobody@contoso.com", 404, "ErrorInvalidUser", "The requested user 'nobody@contoso.com' is invalid.")]
    [InlineData(SandboxDefaults.DistributionList, 404, "ErrorInvalidUser", "The requested user 'all-staff@contoso.com' is invalid.")]
    [InlineData("info@fabrikam.com", 404, "ErrorInvalidUser", "The requested user 'info@fabrikam.com' is invalid.")]
    [InlineData(SandboxDefaults.UnlicensedUser, 404, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise.")]
    [InlineData(SandboxDefaults.OnPremisesMailbox, 404, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise.")]
    [InlineData(SandboxDefaults.Ceo, 403, "ErrorAccessDenied", "Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.")]
    public async Task Mailbox_problems_for_the_scoped_sender_app(string mailbox, int status, string code, string message)
    {
        var token = await _sandbox.TokenAsync(SandboxDefaults.UnscopedAppId, SandboxDefaults.UnscopedSecret);
        if (mailbox == SandboxDefaults.Ceo)
        {
            token = await _sandbox.TokenAsync(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);
        }

        using var response = await SandboxGraphRequests.SendMailAsync(_sandbox, token, mailbox, SandboxGraphRequests.SendMailBody());

        Assert.Equal(message, await SandboxGraphRequests.AssertGraphErrorAsync(response, status, code));
        Assert.Empty(_sandbox.Control.GetMessages());
    }

    [Theory]
    [InlineData(SandboxDefaults.UnscopedAppId, SandboxDefaults.UnscopedSecret, SandboxDefaults.Ceo, 202)]
    [InlineData(SandboxDefaults.RbacAppId, SandboxDefaults.RbacSecret, SandboxDefaults.Noreply, 202)]
    [InlineData(SandboxDefaults.RbacAppId, SandboxDefaults.RbacSecret, SandboxDefaults.Admin, 403)]
    [InlineData(SandboxDefaults.FreshPolicyAppId, SandboxDefaults.FreshPolicySecret, SandboxDefaults.Ceo, 202)]
    [InlineData(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret, SandboxDefaults.Reports, 202)]
    [InlineData(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret, SandboxDefaults.Admin, 403)]
    public async Task Scoping_follows_policies_rbac_and_propagation(string clientId, string secret, string mailbox, int status)
    {
        var token = await _sandbox.TokenAsync(clientId, secret);

        using var response = await SandboxGraphRequests.SendMailAsync(_sandbox, token, mailbox, SandboxGraphRequests.SendMailBody());

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(status == 202 ? 1 : 0, _sandbox.Control.GetMessages().Count);
    }

    public static TheoryData<string, string, string> InvalidMessages => new()
    {
        { SandboxGraphRequests.SendMailBody(to: "not-an-address"), "ErrorInvalidRecipients", "At least one recipient is not valid." },
        { "{\"message\":{\"subject\":\"no recipients\"}}", "ErrorInvalidRecipients", "At least one recipient is required, but none were found." },
        { SandboxGraphRequests.SendMailBody(extraMessageProperties: ",\"internetMessageHeaders\":[{\"name\":\"Notification-Center-Parcel-ID\",\"value\":\"1\"}]"),
            "InvalidInternetMessageHeader", "The internet message header name 'Notification-Center-Parcel-ID' should start with 'x-' or 'X-'." },
        { SandboxGraphRequests.SendMailBody(extraMessageProperties: ",\"internetMessageHeaders\":[" + string.Join(",", Enumerable.Range(1, 6).Select(i => $"{{\"name\":\"x-h{i}\",\"value\":\"v\"}}")) + "]"),
            "InvalidInternetMessageHeaderCollection", "Maximum number of headers in one message should be less than or equal to 5." },
        { SandboxGraphRequests.SendMailBody(extraMessageProperties: ",\"internetMessageHeaders\":[]"),
            "InvalidInternetMessageHeaderCollection", "Maximum number of headers in one message should be less than or equal to 5." },
        { "{\"message\":", "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format." },
    };

    [Theory]
    [MemberData(nameof(InvalidMessages))]
    public async Task Invalid_messages_are_400_with_the_observed_codes(string json, string code, string message)
    {
        var token = await _sandbox.TokenAsync(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);

        using var response = await SandboxGraphRequests.SendMailAsync(_sandbox, token, SandboxDefaults.Noreply, json);

        Assert.Equal(message, await SandboxGraphRequests.AssertGraphErrorAsync(response, 400, code));
        Assert.Empty(_sandbox.Control.GetMessages());
    }

    [Fact]
    public async Task Five_headers_are_accepted()
    {
        var token = await _sandbox.TokenAsync(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);
        var headers = string.Join(",", Enumerable.Range(1, 5).Select(i => $"{{\"name\":\"X-h{i}\",\"value\":\"v\"}}"));

        using var response = await SandboxGraphRequests.SendMailAsync(_sandbox, token, SandboxDefaults.Noreply,
            SandboxGraphRequests.SendMailBody(extraMessageProperties: $",\"internetMessageHeaders\":[{headers}]"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(5, Assert.Single(_sandbox.Control.GetMessages()).InternetMessageHeaders.Count);
    }

    [Fact]
    public async Task A_request_over_4_MB_is_413_and_a_message_over_the_mailbox_limit_is_ErrorMessageSizeExceeded()
    {
        var token = await _sandbox.TokenAsync(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);
        string WithAttachment(int bytes) => SandboxGraphRequests.SendMailBody(extraMessageProperties:
            $",\"attachments\":[{{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"big.bin\",\"contentBytes\":\"{Convert.ToBase64String(new byte[bytes])}\"}}]");

        using var tooLarge = await SandboxGraphRequests.SendMailAsync(_sandbox, token, SandboxDefaults.Noreply, WithAttachment(3 * 1024 * 1024 + 200_000));
        _sandbox.Control.UpdateSettings(s => s with { MaxRequestBytes = 16 * 1024 * 1024 });
        using var overMailboxLimit = await SandboxGraphRequests.SendMailAsync(_sandbox, token, SandboxDefaults.Reports, WithAttachment((int)SandboxDefaults.ReportsMaxSendSize + 1));
        using var underMailboxLimit = await SandboxGraphRequests.SendMailAsync(_sandbox, token, SandboxDefaults.Reports, WithAttachment((int)SandboxDefaults.ReportsMaxSendSize - 1024));

        await SandboxGraphRequests.AssertGraphErrorAsync(tooLarge, 413, "RequestEntityTooLarge");
        Assert.Equal("The message exceeds the maximum supported size.", await SandboxGraphRequests.AssertGraphErrorAsync(overMailboxLimit, 400, "ErrorMessageSizeExceeded"));
        Assert.Equal(HttpStatusCode.Accepted, underMailboxLimit.StatusCode);
    }

    [Fact]
    public async Task The_graph_sdk_surfaces_the_sandbox_error_as_an_ODataError()
    {
        var graph = SandboxGraph.Create(_sandbox.Server, _sandbox.SenderApp());

        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Users[SandboxDefaults.Ceo].SendMail.PostAsync(new SendMailPostRequestBody
        {
            Message = new Message { Subject = "x", ToRecipients = [Recipient("a@example.com")] },
        }));

        Assert.Equal(403, error.ResponseStatusCode);
        Assert.Equal("ErrorAccessDenied", error.Error!.Code);
        Assert.Contains("[RAOP]", error.Error.Message);
    }

    [Fact]
    public async Task Unknown_graph_segments_are_400_and_wrong_methods_405()
    {
        var token = await _sandbox.TokenAsync(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);

        using var unknown = await SandboxGraphRequests.SendAsync(_sandbox, HttpMethod.Get, $"users/{SandboxDefaults.Noreply}/mailFolders", token);
        using var wrongMethod = await SandboxGraphRequests.SendAsync(_sandbox, HttpMethod.Get, $"users/{SandboxDefaults.Noreply}/sendMail", token);

        Assert.Equal("Resource not found for the segment 'mailFolders'.", await SandboxGraphRequests.AssertGraphErrorAsync(unknown, 400, "BadRequest"));
        Assert.Equal("Specified HTTP method is not allowed for the request target.", await SandboxGraphRequests.AssertGraphErrorAsync(wrongMethod, 405, "BadRequest"));
        Assert.Equal([RouteNames.Unmatched, RouteNames.Unmatched], _sandbox.Control.GetRequests().Where(r => r.Route != RouteNames.Token).Select(r => r.Route));
    }

    private static Recipient Recipient(string address, string? name = null) =>
        new() { EmailAddress = new EmailAddress { Address = address, Name = name } };
}
