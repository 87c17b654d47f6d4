using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using GraphMail.Sandbox.Identity;

namespace GraphMail.Sandbox.Delegated;

/// <summary>A device-code sign-in between /devicecode and its redemption at /token.</summary>
internal sealed class PendingSignIn
{
    internal required string DeviceCode { get; init; }

    internal required string UserCode { get; init; }

    internal required string ClientId { get; init; }

    internal required Guid TenantId { get; init; }

    internal required IReadOnlyList<string> Scopes { get; init; }

    internal required DateTimeOffset ExpiresAt { get; init; }

    internal required int IntervalSeconds { get; init; }

    internal DateTimeOffset? LastPollAt { get; set; }

    /// <summary>The UPN of the user who approved it; null while pending.</summary>
    internal string? ApprovedBy { get; set; }

    internal bool Declined { get; set; }

    internal bool Redeemed { get; set; }
}

/// <summary>What GET /_sandbox/devicecode shows: a pending sign-in, without its device code.</summary>
public sealed record DeviceCodeSnapshot(string UserCode, string ClientId, Guid TenantId, IReadOnlyList<string> Scopes, DateTimeOffset ExpiresAt, string? ApprovedBy, bool Declined, bool Redeemed);

/// <summary>Every device-code sign-in started, by device code; one lock for all of it.</summary>
internal sealed class DeviceCodeStore
{
    private const string UserCodeAlphabet = "BCDFGHJKLMNPQRSTVWXZ23456789";
    private readonly object _gate = new();
    private readonly List<PendingSignIn> _signIns = [];

    internal PendingSignIn Start(string clientId, Guid tenantId, IReadOnlyList<string> scopes, DateTimeOffset expiresAt, int interval, string? approver)
    {
        var signIn = new PendingSignIn
        {
            DeviceCode = Base64Url.Encode(RandomNumberGenerator.GetBytes(48)),
            UserCode = new string(RandomNumberGenerator.GetItems<char>(UserCodeAlphabet, 9)),
            ClientId = clientId,
            TenantId = tenantId,
            Scopes = scopes,
            ExpiresAt = expiresAt,
            IntervalSeconds = interval,
            ApprovedBy = approver,
        };
        lock (_gate)
        {
            _signIns.Add(signIn);
        }

        return signIn;
    }

    internal T Locked<T>(Func<T> action)
    {
        lock (_gate)
        {
            return action();
        }
    }

    internal PendingSignIn? Find(string deviceCode) => _signIns.FirstOrDefault(s => s.DeviceCode == deviceCode);

    /// <summary>Approves (or declines) the pending sign-ins that match the user code, or all pending ones when it is null.</summary>
    internal int Decide(string? userCode, string? approver, bool decline)
    {
        lock (_gate)
        {
            var pending = _signIns.Where(s => s.ApprovedBy is null && !s.Declined && !s.Redeemed &&
                                              (userCode is null || s.UserCode.Equals(userCode.Replace("-", ""), StringComparison.OrdinalIgnoreCase))).ToList();
            foreach (var signIn in pending)
            {
                signIn.ApprovedBy = decline ? null : approver;
                signIn.Declined = decline;
            }

            return pending.Count;
        }
    }

    internal IReadOnlyList<DeviceCodeSnapshot> Snapshot()
    {
        lock (_gate)
        {
            return _signIns.Select(s => new DeviceCodeSnapshot(s.UserCode, s.ClientId, s.TenantId, s.Scopes, s.ExpiresAt, s.ApprovedBy, s.Declined, s.Redeemed)).ToList();
        }
    }

    internal void Clear()
    {
        lock (_gate)
        {
            _signIns.Clear();
        }
    }
}
