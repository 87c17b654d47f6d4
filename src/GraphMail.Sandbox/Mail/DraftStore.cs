using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using GraphMail.Sandbox.Control;

namespace GraphMail.Sandbox.Mail;

/// <summary>A draft in a mailbox: the message as created plus attachments added through upload sessions.</summary>
internal sealed class Draft
{
    private readonly object _gate = new();
    private readonly List<RecordedAttachment> _attachments;

    internal Draft(string id, MailboxGrant grant, string appId, OutgoingMessage message, DateTimeOffset createdAt)
    {
        Id = id;
        Grant = grant;
        AppId = appId;
        Message = message;
        CreatedAt = createdAt;
        _attachments = [.. message.Attachments];
    }

    internal string Id { get; }

    internal MailboxGrant Grant { get; }

    internal string AppId { get; }

    internal OutgoingMessage Message { get; }

    internal DateTimeOffset CreatedAt { get; }

    /// <summary>Created with Prefer: IdType="ImmutableId": the id stays the same when the item moves to Sent Items.</summary>
    internal bool ImmutableId { get; init; }

    internal IReadOnlyList<RecordedAttachment> Attachments
    {
        get
        {
            lock (_gate)
            {
                return _attachments.ToList();
            }
        }
    }

    internal void AddAttachment(RecordedAttachment attachment)
    {
        lock (_gate)
        {
            _attachments.Add(attachment);
        }
    }
}

internal sealed class DraftStore
{
    private readonly ConcurrentDictionary<string, Draft> _drafts = new(StringComparer.Ordinal);

    internal void Add(Draft draft) => _drafts[draft.Id] = draft;

    /// <summary>The draft with this id in this mailbox, or null.</summary>
    internal Draft? Find(MailboxGrant grant, string id) =>
        _drafts.TryGetValue(id, out var draft) && draft.Grant.Mailbox.Id == grant.Mailbox.Id ? draft : null;

    internal bool Remove(Draft draft) => _drafts.TryRemove(draft.Id, out _);

    /// <summary>This mailbox's drafts with this Message-ID, oldest first.</summary>
    internal IReadOnlyList<Draft> WithInternetMessageId(MailboxGrant grant, string internetMessageId) =>
        _drafts.Values.Where(d => d.Grant.Mailbox.Id == grant.Mailbox.Id && d.Message.InternetMessageId == internetMessageId).OrderBy(d => d.CreatedAt).ToList();

    internal IReadOnlyList<Draft> All() => _drafts.Values.OrderBy(d => d.CreatedAt).ToList();

    internal void Clear() => _drafts.Clear();
}
