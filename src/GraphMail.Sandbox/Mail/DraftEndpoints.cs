using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GraphMail.Sandbox.Hosting;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Sandbox.Mail;

/// <summary>
/// Drafts: POST /users/{id}/messages, GET (with $expand=attachments) and DELETE /users/{id}/messages/{mid}, POST .../messages/{mid}/attachments
/// (one file attachment, within the request size cap), POST .../messages/{mid}/send.
/// </summary>
internal sealed class DraftEndpoints(SandboxState state)
{
    internal Task<SandboxResponse> CreateAsync(SandboxRequest request) => Task.FromResult(Create(request));

    internal Task<SandboxResponse> GetAsync(SandboxRequest request) => Task.FromResult(Get(request));

    internal Task<SandboxResponse> DeleteAsync(SandboxRequest request) => Task.FromResult(Delete(request));

    internal Task<SandboxResponse> SendAsync(SandboxRequest request) => Task.FromResult(Send(request));

    internal Task<SandboxResponse> AddAttachmentAsync(SandboxRequest request) => Task.FromResult(AddAttachment(request));

    private SandboxResponse Create(SandboxRequest request)
    {
        var grant = MailboxAccess.Resolve(state, request, MailboxAccess.ReadWrite, out var error);
        if (grant is null)
        {
            return error!;
        }

        var body = JsonBody.Read(request, out error);
        if (body is null)
        {
            return error!;
        }

        var message = MessageReader.Read(body, out var problem);
        problem ??= MessageRules.CheckHeaders(message);
        if (problem is not null)
        {
            return GraphErrors.BadRequest(request, problem.Code, problem.Message);
        }

        var draft = new Draft(MessageIds.New(), grant, request.Caller!.AppId, message, state.Clock.GetUtcNow()) { ImmutableId = WantsImmutableId(request) };
        state.Drafts.Add(draft);
        return SandboxResponse.Json(201, DraftJson.Create(draft, GraphBase(request)), GraphErrors.ContentType)
            .WithHeader("Location", $"{GraphBase(request)}/users('{grant.Mailbox.Id}')/messages('{draft.Id}')");
    }

    internal Task<SandboxResponse> ListAsync(SandboxRequest request) => Task.FromResult(SentItemsJson.List(state, request));

    private SandboxResponse Get(SandboxRequest request)
    {
        var draft = FindDraft(request, MailboxAccess.Read, out var error);
        if (draft is null)
        {
            var grant = MailboxAccess.Resolve(state, request, MailboxAccess.Read, out _);
            return grant is not null && state.SentItems.Find(grant, request.RouteValue("message")) is { } sent && sent.IsVisible(state.Clock.GetUtcNow())
                ? SandboxResponse.Json(200, SentItemsJson.Create(sent, GraphBase(request)), GraphErrors.ContentType)
                : error!;
        }

        var json = DraftJson.Create(draft, GraphBase(request));
        if (request.QueryValue("$expand") is { } expand && expand.StartsWith("attachments", StringComparison.OrdinalIgnoreCase))
        {
            json["attachments"] = DraftJson.Attachments(draft);
        }

        return SandboxResponse.Json(200, json, GraphErrors.ContentType);
    }

    private SandboxResponse Delete(SandboxRequest request)
    {
        var draft = FindDraft(request, MailboxAccess.ReadWrite, out var error);
        if (draft is null)
        {
            return error!;
        }

        state.Drafts.Remove(draft);
        state.Uploads.RemoveForDraft(draft.Id);
        return SandboxResponse.Empty(204);
    }

    private SandboxResponse AddAttachment(SandboxRequest request)
    {
        var draft = FindDraft(request, MailboxAccess.ReadWrite, out var error);
        if (draft is null)
        {
            return error!;
        }

        var body = JsonBody.Read(request, out error);
        if (body is null)
        {
            return error!;
        }

        var attachment = MessageReader.ReadFileAttachment(body, out var problem);
        if (attachment is null)
        {
            return GraphErrors.BadRequest(request, problem!.Code, problem.Message);
        }

        draft.AddAttachment(attachment);
        return SandboxResponse.Json(201, new System.Text.Json.Nodes.JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.fileAttachment",
            ["id"] = MessageIds.New(),
            ["name"] = attachment.Name,
            ["contentType"] = attachment.ContentType,
            ["size"] = attachment.Size,
            ["isInline"] = attachment.IsInline,
        }, GraphErrors.ContentType);
    }

    private SandboxResponse Send(SandboxRequest request)
    {
        if (!request.HasContentLength)
        {
            return GraphErrors.Create(request, 411, "LengthRequired", "A Content-Length header is required (Content-Length: 0 for an empty body).");
        }

        var draft = FindDraft(request, MailboxAccess.Send, out var error);
        if (draft is null)
        {
            return AlreadySent(request) ?? error!;
        }

        var attachments = draft.Attachments;
        var problem = MessageRules.CheckForSending(draft.Message, attachments, state.Settings.MaxRecipientsPerMessage, draft.Grant.MaxSendSize(state.Settings));
        if (problem is not null)
        {
            return GraphErrors.BadRequest(request, problem.Code, problem.Message);
        }

        if (Submission.Refuse(state, request, draft.Grant, draft.Message) is { } refused)
        {
            return refused;
        }

        if (!state.Drafts.Remove(draft))
        {
            return GraphErrors.ItemNotFound(request);
        }

        state.Uploads.RemoveForDraft(draft.Id);
        Submission.Submit(state, request, draft.Grant, draft.Message, attachments, saveToSentItems: !draft.Message.DeleteAfterSubmit,
            MessageRecorder.DraftSendPath, draft.ImmutableId ? draft.Id : MessageIds.New());
        return SandboxResponse.Empty(202);
    }

    /// <summary>
    /// /send of an item that is no longer a draft: 400 once its copy is in Sent Items, 404 while it is in transit
    /// (docs/exactly-once.md §2: both are the sandbox's assumption). It is never sent twice.
    /// </summary>
    private SandboxResponse? AlreadySent(SandboxRequest request)
    {
        var grant = MailboxAccess.Resolve(state, request, MailboxAccess.Send, out _);
        if (grant is null || state.SentItems.Find(grant, request.RouteValue("message")) is not { } sent)
        {
            return null;
        }

        return sent.IsVisible(state.Clock.GetUtcNow())
            ? GraphErrors.BadRequest(request, "ErrorInvalidOperation", "The item has already been sent.")
            : GraphErrors.ItemNotFound(request);
    }

    private static bool WantsImmutableId(SandboxRequest request) =>
        (request.Header("Prefer") ?? "").Replace(" ", string.Empty).IndexOf("IdType=\"ImmutableId\"", StringComparison.OrdinalIgnoreCase) >= 0;

    internal Draft? FindDraft(SandboxRequest request, string[] acceptedRoles, out SandboxResponse? error)
    {
        var grant = MailboxAccess.Resolve(state, request, acceptedRoles, out error);
        if (grant is null)
        {
            return null;
        }

        var draft = state.Drafts.Find(grant, request.RouteValue("message"));
        if (draft is null)
        {
            error = GraphErrors.ItemNotFound(request);
        }

        return draft;
    }

    private static string GraphBase(SandboxRequest request) => request.Origin + "/v1.0";
}
