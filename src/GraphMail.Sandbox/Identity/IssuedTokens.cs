using System.Collections.Concurrent;

namespace GraphMail.Sandbox.Identity;

/// <summary>The uti of every token still honoured; "expire all tokens now" empties it.</summary>
internal sealed class IssuedTokens
{
    private readonly ConcurrentDictionary<string, byte> _live = new();

    internal void Add(string uti) => _live[uti] = 0;

    internal bool IsLive(string uti) => _live.ContainsKey(uti);

    internal void ExpireAll() => _live.Clear();
}
