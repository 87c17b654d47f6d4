using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using GraphMail.Sandbox.Control;

namespace GraphMail.Sandbox.Mail;

/// <summary>
/// A message a mailbox submitted (sendMail, or /send of a draft). Exchange puts the Sent Items copy there only once the
/// message has gone out, which takes time: until <see cref="VisibleAt"/> the item is in transit (no longer a draft,
/// not yet in Sent Items). With saveToSentItems false no copy ever shows.
/// </summary>
internal sealed class SentItem
{
    internal SentItem(string id, MailboxGrant grant, OutgoingMessage message, IReadOnlyList<RecordedAttachment> attachments, string internetMessageId,
        bool keepsCopy, DateTimeOffset submittedAt, DateTimeOffset visibleAt)
    {
        Id = id;
        Grant = grant;
        Message = message;
        Attachments = attachments;
        InternetMessageId = internetMessageId;
        KeepsCopy = keepsCopy;
        SubmittedAt = submittedAt;
        VisibleAt = visibleAt;
    }

    /// <summary>The item's id in Sent Items: the draft's immutable id, or a new one (the default id changes on a move).</summary>
    internal string Id { get; }

    internal MailboxGrant Grant { get; }

    internal OutgoingMessage Message { get; }

    internal IReadOnlyList<RecordedAttachment> Attachments { get; }

    internal string InternetMessageId { get; }

    internal bool KeepsCopy { get; }

    internal DateTimeOffset SubmittedAt { get; }

    internal DateTimeOffset VisibleAt { get; set; }

    internal bool IsVisible(DateTimeOffset now) => KeepsCopy && now >= VisibleAt;
}

/// <summary>Every submitted message, by id; what Sent Items shows is the part whose copy has arrived.</summary>
internal sealed class SentItemStore
{
    private readonly ConcurrentDictionary<string, SentItem> _items = new(StringComparer.Ordinal);

    internal void Add(SentItem item) => _items[item.Id] = item;

    internal SentItem? Find(MailboxGrant grant, string id) =>
        _items.TryGetValue(id, out var item) && item.Grant.Mailbox.Id == grant.Mailbox.Id ? item : null;

    /// <summary>The copies in this mailbox's Sent Items at <paramref name="now"/>, oldest first.</summary>
    internal IReadOnlyList<SentItem> Visible(MailboxGrant grant, DateTimeOffset now) =>
        _items.Values.Where(i => i.Grant.Mailbox.Id == grant.Mailbox.Id && i.IsVisible(now)).OrderBy(i => i.SubmittedAt).ToList();

    /// <summary>Every copy still in transit arrives in Sent Items now (tests end the delay without waiting for it).</summary>
    internal int ArriveNow(DateTimeOffset now)
    {
        var arrived = 0;
        foreach (var item in _items.Values.Where(i => i.KeepsCopy && i.VisibleAt > now))
        {
            item.VisibleAt = now;
            arrived++;
        }

        return arrived;
    }

    internal void Clear() => _items.Clear();
}
