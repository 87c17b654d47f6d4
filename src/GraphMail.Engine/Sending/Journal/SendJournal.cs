using System;
using System.Collections.Generic;
using System.Linq;
using GraphMail.Engine.Sending.Model;

namespace GraphMail.Engine.Sending.Journal;

/// <summary>
/// Send-GraphMail -Journal: what earlier runs left (the latest line of each key) and this run's lines, written through
/// to disk before each request that could send. Thread-safe: messages in parallel append under one lock.
/// </summary>
public sealed class SendJournal : IDisposable
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private readonly object _gate = new();
    private readonly JournalFile _file;
    private readonly Func<DateTimeOffset> _now;
    private readonly Dictionary<string, JournalRecord> _earlier = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JournalRecord> _latest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _firstAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keyByMessageId = new(StringComparer.Ordinal);

    private SendJournal(JournalFile file, IEnumerable<JournalRecord> records, bool tornLine, Func<DateTimeOffset> now)
    {
        _file = file;
        _now = now;
        TornLine = tornLine;
        foreach (var record in records)
        {
            var draftId = record.DraftId ?? (_earlier.TryGetValue(record.Key, out var before) && record.Status is not (JournalStatus.Failed or JournalStatus.NotSent) ? before.DraftId : null);
            _earlier[record.Key] = draftId == record.DraftId ? record : new JournalRecord(record.Key, record.MessageId, record.Status, record.From, record.Recipients, record.At, draftId);
            _firstAt[record.Key] = _firstAt.TryGetValue(record.Key, out var first) && first <= record.At ? first : record.At;
        }

        foreach (var pair in _earlier)
        {
            _latest[pair.Key] = pair.Value;
        }
    }

    /// <summary>The file ended in a torn line (a crash while it was written); it was skipped.</summary>
    public bool TornLine { get; }

    /// <summary>How many messages the file knew of when it was opened.</summary>
    public int KnownMessages => _earlier.Count;

    /// <param name="readOnly">A preview (-WhatIf): read what the file holds, if it exists; never create it or write to it.</param>
    public static SendJournal Open(string path, Func<DateTimeOffset>? now = null, bool readOnly = false)
    {
        var file = JournalFile.Open(path, out var records, out var torn, readOnly);
        return new SendJournal(file, records, torn, now ?? (() => DateTimeOffset.UtcNow));
    }

    /// <summary>Where an earlier run left this key; null when the journal has never seen it.</summary>
    public JournalRecord? Earlier(string key)
    {
        lock (_gate)
        {
            return _earlier.TryGetValue(key, out var record) ? record : null;
        }
    }

    /// <summary>Where an earlier run left the message with this Message-ID (ties the sender's work to the journal).</summary>
    internal JournalRecord? EarlierByMessageId(string messageId)
    {
        lock (_gate)
        {
            return _keyByMessageId.TryGetValue(messageId, out var key) && _earlier.TryGetValue(key, out var record) ? record : null;
        }
    }

    /// <summary>This run sends <paramref name="message"/> under <paramref name="key"/>.</summary>
    internal void Bind(string key, OutgoingMessage message)
    {
        lock (_gate)
        {
            _keyByMessageId[message.InternetMessageId] = key;
        }
    }

    /// <summary>
    /// Appends a line for the message, flushed to disk before this returns. A journal that cannot be written throws
    /// JournalUnwritable: the request it was to precede is not made.
    /// </summary>
    internal void Write(OutgoingMessage message, JournalStatus status, string? draftId = null)
    {
        try
        {
            Append(message, status, draftId);
        }
        catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            throw new GraphMailException(ErrorIds.JournalUnwritable, GraphMailErrorKind.ResourceUnavailable,
                $"The journal could not be written ({e.Message}), so this message was not sent: GraphMail sends nothing it has not recorded first.",
                "Free space or fix the journal's folder, then run the command again with the same -Journal.", e);
        }
    }

    /// <summary>Records an outcome already decided; a failure to write it is left for a rerun to resolve (by reading the mailbox).</summary>
    internal void TryWrite(OutgoingMessage message, JournalStatus status, string? draftId)
    {
        try
        {
            Write(message, status, draftId);
        }
        catch (GraphMailException)
        {
            // The result stands; the journal's last line for it says what a rerun must check.
        }
    }

    private void Append(OutgoingMessage message, JournalStatus status, string? draftId)
    {
        lock (_gate)
        {
            if (!_keyByMessageId.TryGetValue(message.InternetMessageId, out var key))
            {
                return;
            }

            var record = new JournalRecord(key, message.InternetMessageId, status, message.From.Address, message.RecipientCount, _now(), draftId);
            _file.Append(record);
            _latest[key] = record;
            if (!_firstAt.ContainsKey(key))
            {
                _firstAt[key] = record.At;
            }
        }
    }

    /// <summary>
    /// Recipients this mailbox may have sent to in the rolling 24 hours before this run, per the journal: every message
    /// whose latest line is not Failed, NotSent or Creating (Sent, and whatever may have gone), counted from its first line.
    /// </summary>
    public int RecipientsInLastDay(string mailbox)
    {
        var since = _now() - Day;
        lock (_gate)
        {
            return _earlier.Values
                .Where(r => string.Equals(r.From, mailbox, StringComparison.OrdinalIgnoreCase) && r.Status is not (JournalStatus.Failed or JournalStatus.NotSent or JournalStatus.Creating) &&
                            _firstAt[r.Key] > since)
                .Sum(r => r.Recipients);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _file.Dispose();
        }
    }
}
