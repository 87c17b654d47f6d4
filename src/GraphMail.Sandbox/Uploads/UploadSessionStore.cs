using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace GraphMail.Sandbox.Uploads;

internal sealed class UploadSessionStore
{
    private readonly ConcurrentDictionary<string, UploadSession> _sessions = new(StringComparer.Ordinal);

    internal void Add(UploadSession session) => _sessions[session.Id] = session;

    internal UploadSession? Find(string id) => _sessions.GetValueOrDefault(id);

    internal void Remove(UploadSession session)
    {
        if (_sessions.TryRemove(session.Id, out _))
        {
            session.Dispose();
        }
    }

    internal void RemoveForDraft(string draftId)
    {
        foreach (var session in _sessions.Values.Where(s => s.Draft.Id == draftId).ToList())
        {
            Remove(session);
        }
    }

    internal int CountForDraft(string draftId) => _sessions.Values.Count(s => s.Draft.Id == draftId);

    internal void Clear()
    {
        foreach (var session in _sessions.Values.ToList())
        {
            Remove(session);
        }
    }
}
