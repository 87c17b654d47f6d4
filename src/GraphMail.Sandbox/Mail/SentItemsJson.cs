using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GraphMail.Sandbox.Hosting;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Sandbox.Mail;

/// <summary>
/// GET /users/{id}/mailFolders/{drafts|sentitems}/messages with an optional $filter=internetMessageId eq '...'
/// (the one filter the sandbox understands), and Sent Items copies as message resources.
/// </summary>
internal static class SentItemsJson
{
    private static readonly Regex ByMessageId = new(@"^\s*internetMessageId\s+eq\s+'((?:[^']|'')*)'\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    internal static JsonObject Create(SentItem item, string graphBase) =>
        DraftJson.Item(item.Id, item.Grant, item.Message, item.SubmittedAt, item.Attachments.Count, item.SubmittedAt, graphBase);

    internal static SandboxResponse List(SandboxState state, SandboxRequest request)
    {
        var grant = MailboxAccess.Resolve(state, request, MailboxAccess.ReadBasic, out var error);
        if (grant is null)
        {
            return error!;
        }

        string? messageId = null;
        if (request.QueryValue("$filter") is { } filter)
        {
            var match = ByMessageId.Match(filter);
            if (!match.Success)
            {
                return GraphErrors.BadRequest(request, "ErrorInvalidUrlQueryFilter", $"GraphMail.Sandbox understands only $filter=internetMessageId eq '...', not: {filter}");
            }

            messageId = match.Groups[1].Value.Replace("''", "'");
        }

        var graphBase = request.Origin + "/v1.0";
        var folder = request.RouteValue("folder");
        JsonNode?[] items;
        if (string.Equals(folder, "drafts", StringComparison.OrdinalIgnoreCase))
        {
            items = state.Drafts.All().Where(d => d.Grant.Mailbox.Id == grant.Mailbox.Id && (messageId is null || d.Message.InternetMessageId == messageId))
                .Select(d => (JsonNode?)DraftJson.Create(d, graphBase)).ToArray();
        }
        else if (string.Equals(folder, "sentitems", StringComparison.OrdinalIgnoreCase))
        {
            items = state.SentItems.Visible(grant, state.Clock.GetUtcNow()).Where(i => messageId is null || i.InternetMessageId == messageId)
                .Select(i => (JsonNode?)Create(i, graphBase)).ToArray();
        }
        else
        {
            return GraphErrors.Create(request, 404, "ErrorInvalidIdMalformed", "Id is malformed.");
        }

        return SandboxResponse.Json(200, new JsonObject
        {
            ["@odata.context"] = $"{graphBase}/$metadata#users('{grant.Mailbox.Id}')/mailFolders('{folder}')/messages",
            ["value"] = new JsonArray(items),
        }, GraphErrors.ContentType);
    }
}
