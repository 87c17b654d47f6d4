using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending.Http;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Retry;

namespace GraphMail.Engine.Sending.Paths;

/// <summary>Where an item stands, as its immutable id reads back.</summary>
internal enum ItemState
{
    /// <summary>Still a draft in Drafts: not sent.</summary>
    Draft,

    /// <summary>No longer a draft (in Sent Items), or gone from Drafts: it was submitted.</summary>
    Submitted,

    /// <summary>The mailbox could not be read (permission, network): nothing is known.</summary>
    Unreadable,
}

/// <summary>
/// The reads that resolve an ambiguous answer (docs/exactly-once.md): an item by its immutable id, and the drafts or
/// Sent Items copies that carry a Message-ID. All idempotent; all send Prefer: IdType="ImmutableId".
/// </summary>
internal sealed class MailboxLookup
{
    internal const string PreferImmutableId = "IdType=\"ImmutableId\"";
    private readonly GraphCaller _caller;

    internal MailboxLookup(GraphCaller caller) => _caller = caller;

    internal static void Immutable(HttpRequestMessage request) => request.Headers.TryAddWithoutValidation("Prefer", PreferImmutableId);

    internal async Task<(ItemState State, CallOutcome Outcome)> ReadAsync(OutgoingMessage message, string id, CancellationToken stop)
    {
        var outcome = await _caller.CallAsync(
            new GraphRequest(HttpMethod.Get, _caller.Graph(GraphPaths.Message(message, id) + "?$select=id,isDraft"), message.From.Address, RequestSafety.Idempotent,
                configure: Immutable), stop).ConfigureAwait(false);
        if (outcome.End == CallEnd.Succeeded)
        {
            return (IsDraft(outcome.Body) ? ItemState.Draft : ItemState.Submitted, outcome);
        }

        return (outcome.Status == 404 ? ItemState.Submitted : ItemState.Unreadable, outcome);
    }

    /// <summary>The ids of the items in a well-known folder (drafts, sentitems) with the message's Message-ID; null when unreadable.</summary>
    internal async Task<(List<string>? Ids, CallOutcome Outcome)> FindAsync(OutgoingMessage message, string folder, CancellationToken stop)
    {
        var filter = Uri.EscapeDataString("internetMessageId eq '" + message.InternetMessageId.Replace("'", "''") + "'");
        var outcome = await _caller.CallAsync(
            new GraphRequest(HttpMethod.Get, _caller.Graph(GraphPaths.User(message) + $"/mailFolders('{folder}')/messages?$filter={filter}&$select=id"),
                message.From.Address, RequestSafety.Idempotent, configure: Immutable), stop).ConfigureAwait(false);
        return (outcome.End == CallEnd.Succeeded ? Ids(outcome.Body) : null, outcome);
    }

    internal async Task<bool> DeleteAsync(OutgoingMessage message, string id) =>
        await DeleteDraftAsync(_caller, message, id, Immutable).ConfigureAwait(false) is null;

    /// <summary>
    /// Deletes a draft GraphMail made, best effort and even after a stop (so no half-built draft is left to be sent by
    /// mistake): null when it is gone, otherwise why it is still there.
    /// </summary>
    internal static async Task<string?> DeleteDraftAsync(GraphCaller caller, OutgoingMessage message, string id, Action<HttpRequestMessage>? configure)
    {
        try
        {
            var deleted = await caller.CallAsync(
                new GraphRequest(HttpMethod.Delete, caller.Graph(GraphPaths.Message(message, id)), message.From.Address, RequestSafety.Idempotent, configure: configure),
                CancellationToken.None).ConfigureAwait(false);
            return deleted.End == CallEnd.Succeeded || deleted.Status == 404
                ? null
                : "HTTP " + (deleted.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? deleted.Failure?.Message);
        }
        catch (GraphMailException e)
        {
            return e.Cause;
        }
    }

    private static bool IsDraft(string? json)
    {
        try
        {
            using var document = JsonDocument.Parse(json ?? "{}");
            return document.RootElement.TryGetProperty("isDraft", out var draft) && draft.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static List<string>? Ids(string? json)
    {
        try
        {
            using var document = JsonDocument.Parse(json ?? "{}");
            if (!document.RootElement.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var ids = new List<string>();
            foreach (var item in value.EnumerateArray())
            {
                if (item.TryGetProperty("id", out var id) && id.GetString() is { } text)
                {
                    ids.Add(text);
                }
            }

            return ids;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
