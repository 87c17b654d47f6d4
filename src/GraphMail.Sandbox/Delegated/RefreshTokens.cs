using System;
using System.Collections.Generic;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using GraphMail.Sandbox.Identity;

namespace GraphMail.Sandbox.Delegated;

/// <summary>What a refresh token stands for: a user's sign-in through one client in one tenant.</summary>
internal sealed record RefreshGrant(Guid TenantId, string ClientId, string UserPrincipalName, string Scope);

/// <summary>Opaque refresh tokens handed out with delegated tokens (offline_access), redeemable until reset.</summary>
internal sealed class RefreshTokens
{
    private readonly ConcurrentDictionary<string, RefreshGrant> _grants = new(StringComparer.Ordinal);

    internal string Issue(RefreshGrant grant)
    {
        var token = "0.sandbox." + Base64Url.Encode(RandomNumberGenerator.GetBytes(48));
        _grants[token] = grant;
        return token;
    }

    internal RefreshGrant? Find(string token) => _grants.GetValueOrDefault(token);

    internal void Clear() => _grants.Clear();
}
