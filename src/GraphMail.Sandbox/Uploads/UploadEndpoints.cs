using System;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GraphMail.Sandbox.Hosting;
using GraphMail.Sandbox.Mail;
using GraphMail.Sandbox.Routing;
using GraphMail.Sandbox.Throttling;

namespace GraphMail.Sandbox.Uploads;

/// <summary>
/// Large attachments: POST .../messages/{mid}/attachments/createUploadSession (Graph, bearer token), then
/// PUT / DELETE on the opaque upload URL (no bearer token: the URL's authtoken authorizes it).
/// </summary>
internal sealed class UploadEndpoints(SandboxState state, DraftEndpoints drafts)
{
    internal const string UploadPathTemplate = "api/v2.0/Users('{user}')/Messages('{message}')/AttachmentSessions('{session}')";

    internal Task<SandboxResponse> CreateSessionAsync(SandboxRequest request) => Task.FromResult(CreateSession(request));

    internal Task<SandboxResponse> UploadChunkAsync(SandboxRequest request) => Task.FromResult(UploadChunk(request));

    internal Task<SandboxResponse> CancelAsync(SandboxRequest request) => Task.FromResult(Cancel(request));

    /// <summary>Upload requests are throttled as the app and mailbox that opened the session.</summary>
    internal ThrottleKey? ThrottleKeyOf(SandboxRequest request) =>
        state.Uploads.Find(request.RouteValue("session")) is { } session
            ? new ThrottleKey(session.Draft.AppId, session.Draft.Grant.Mailbox.UserPrincipalName.ToLowerInvariant())
            : null;

    private SandboxResponse CreateSession(SandboxRequest request)
    {
        var draft = drafts.FindDraft(request, MailboxAccess.ReadWrite, out var error);
        if (draft is null)
        {
            return error!;
        }

        var body = JsonBody.Read(request, out error);
        if (body is null)
        {
            return error!;
        }

        if (body["attachmentItem"] is not JsonObject item)
        {
            return GraphErrors.BadRequest(request, "ErrorInvalidParameter", "The value of the parameter 'AttachmentItem' is empty.");
        }

        var type = JsonBody.ReadString(item["attachmentType"]) ?? "file";
        var name = JsonBody.ReadString(item["name"]);
        var size = item["size"] is JsonValue sizeValue && sizeValue.TryGetValue(out long parsedSize) ? parsedSize : (long?)null;
        if (!type.Equals("file", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(name) || size is null)
        {
            return GraphErrors.BadRequest(request, "ErrorInvalidParameter", "AttachmentItem needs attachmentType 'file', a name and a size.");
        }

        var settings = state.Settings;
        if (size < settings.MinUploadSessionBytes)
        {
            return GraphErrors.BadRequest(request, "ErrorAttachmentSizeShouldNotBeLessThanMinimumSize", "Attachment size must be greater than the minimum size.");
        }

        if (size + MessageRules.Size(draft.Message, draft.Attachments) > draft.Grant.MaxSendSize(settings))
        {
            return GraphErrors.BadRequest(request, "ErrorMessageSizeExceeded", "The message exceeds the maximum supported size.");
        }

        if (JsonBody.ReadBoolean(request, item["isInline"], fallback: false, out error) is not { } isInline)
        {
            return error!;
        }

        var session = new UploadSession(draft, name, JsonBody.ReadString(item["contentType"]), isInline, JsonBody.ReadString(item["contentId"]),
            size.Value, state.Clock.GetUtcNow().AddMinutes(settings.UploadSessionLifetimeMinutes));
        state.Uploads.Add(session);
        return SandboxResponse.Json(201, new JsonObject
        {
            ["@odata.context"] = request.Origin + "/v1.0/$metadata#microsoft.graph.uploadSession",
            ["uploadUrl"] = $"{SessionUrl(request, session)}?authtoken={session.AuthToken}",
            ["expirationDateTime"] = Timestamp(session.ExpiresAt),
            ["nextExpectedRanges"] = new JsonArray("0-"),
        }, GraphErrors.ContentType);
    }

    private SandboxResponse UploadChunk(SandboxRequest request)
    {
        var session = Authorize(request, out var error);
        if (session is null)
        {
            return error!;
        }

        var limit = state.Settings.MaxUploadChunkBytes;
        if (request.Body.Length > limit)
        {
            return GraphErrors.RequestTooLarge(request, limit);
        }

        var range = ContentRange.Parse(request.Header("Content-Range"));
        if (range is null || range.Total != session.Size || range.Length != request.Body.Length || range.End >= session.Size)
        {
            return GraphErrors.BadRequest(request, "InvalidContentRange",
                $"Content-Range must be 'bytes start-end/{session.Size}' and match the {request.Body.Length} bytes sent.");
        }

        lock (session)
        {
            if (range.Start != session.NextOffset)
            {
                return GraphErrors.Create(request, 416, "InvalidRange",
                    $"The range starts at {range.Start}; the next expected range starts at {session.NextOffset}. Upload chunks in order.");
            }

            session.Append(request.Body);
            if (!session.IsComplete)
            {
                return SandboxResponse.Json(200, new JsonObject
                {
                    ["@odata.context"] = $"{request.Origin}/api/v2.0/$metadata#Users('{session.Draft.Grant.Mailbox.Id}')/Messages('{session.Draft.Id}')/AttachmentSessions/$entity",
                    ["ExpirationDateTime"] = Timestamp(session.ExpiresAt),
                    ["nextExpectedRanges"] = new JsonArray(session.NextOffset.ToString(CultureInfo.InvariantCulture)),
                }, GraphErrors.ContentType);
            }

            session.Draft.AddAttachment(session.ToAttachment());
            state.Uploads.Remove(session);
            return SandboxResponse.Empty(201).WithHeader("Location",
                $"{request.Origin}/api/v2.0/Users('{session.Draft.Grant.Mailbox.Id}')/Messages('{session.Draft.Id}')/Attachments('{session.AttachmentId}')");
        }
    }

    private SandboxResponse Cancel(SandboxRequest request)
    {
        var session = Authorize(request, out var error);
        if (session is null)
        {
            return error!;
        }

        state.Uploads.Remove(session);
        return SandboxResponse.Empty(204);
    }

    /// <summary>The session the URL names, if its authtoken matches and no bearer token came along.</summary>
    private UploadSession? Authorize(SandboxRequest request, out SandboxResponse? error)
    {
        error = null;
        var session = state.Uploads.Find(request.RouteValue("session"));
        if (session is null || session.ExpiresAt <= state.Clock.GetUtcNow() ||
            !string.Equals(request.RouteValue("message"), session.Draft.Id, StringComparison.Ordinal))
        {
            error = GraphErrors.ItemNotFound(request);
            return null;
        }

        request.AppId = session.Draft.AppId;
        if (!string.Equals(request.QueryValue("authtoken"), session.AuthToken, StringComparison.Ordinal))
        {
            error = GraphErrors.InvalidToken(request, "The authtoken is missing or does not belong to this upload session.");
            return null;
        }

        if (request.Header("Authorization") is not null)
        {
            error = GraphErrors.InvalidToken(request, "An upload URL carries its own authtoken: send no Authorization header to it.");
            return null;
        }

        return session;
    }

    private static string SessionUrl(SandboxRequest request, UploadSession session) =>
        request.Origin + "/" + UploadPathTemplate
            .Replace("{user}", session.Draft.Grant.Mailbox.Id.ToString())
            .Replace("{message}", session.Draft.Id)
            .Replace("{session}", session.Id);

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
