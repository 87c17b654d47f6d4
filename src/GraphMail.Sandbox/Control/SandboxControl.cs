using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Hosting;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Sandbox.Control;

/// <summary>
/// Everything the /_sandbox control API offers, for in-process callers: recorded messages, drafts, the request
/// log, concurrency counters, faults, settings and token expiry. Also route pauses, which only exist in-process.
/// </summary>
public sealed class SandboxControl
{
    private readonly SandboxState _state;

    internal SandboxControl(SandboxState state, Func<string> connectionInfo)
    {
        _state = state;
        ConnectionInfoJson = connectionInfo;
    }

    internal Func<string> ConnectionInfoJson { get; }

    internal Seed.SandboxSeed Seed => _state.Directory.Seed;

    public IReadOnlyList<RecordedMessage> GetMessages() => _state.Messages.Snapshot();

    public void ClearMessages() => _state.Messages.Clear();

    /// <summary>Completes with the first recorded message (already there or still to come) that matches.</summary>
    public Task<RecordedMessage> WaitForMessageAsync(Func<RecordedMessage, bool>? predicate = null, CancellationToken cancellationToken = default) =>
        _state.Messages.WaitForAsync(predicate ?? (_ => true), cancellationToken);

    public IReadOnlyList<DraftSnapshot> GetDrafts() =>
        _state.Drafts.All().Select(d => new DraftSnapshot
        {
            Id = d.Id,
            Mailbox = d.Grant.Mailbox.UserPrincipalName,
            AppId = d.AppId,
            Subject = d.Message.Subject,
            Attachments = d.Attachments,
            OpenUploadSessions = _state.Uploads.CountForDraft(d.Id),
            CreatedAt = d.CreatedAt,
        }).ToList();

    /// <summary>Every copy still on its way to Sent Items arrives now (ends SentItemsDelayMs without waiting). Returns how many.</summary>
    public int DeliverSentItems() => _state.SentItems.ArriveNow(_state.Clock.GetUtcNow());

    public IReadOnlyList<RecordedRequest> GetRequests() => _state.Requests.Snapshot();

    public void ClearRequests() => _state.Requests.Clear();

    /// <summary>Completes with the first logged request (already there or still to come) that matches.</summary>
    public Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> predicate, CancellationToken cancellationToken = default) =>
        _state.Requests.WaitForAsync(predicate, cancellationToken);

    public IReadOnlyList<ConcurrencySnapshot> GetConcurrency() => _state.Concurrency.Snapshot();

    /// <summary>Forgets idle keys, peaks and throttle counts (requests in flight stay counted).</summary>
    public void ResetConcurrency() => _state.Concurrency.ResetStatistics();

    public void AddFault(FaultSpec fault) => _state.Faults.Add(fault);

    public IReadOnlyList<FaultSpec> GetFaults() => _state.Faults.Snapshot();

    /// <summary>Removes every fault; with a seed, also restarts the ratio generator from it.</summary>
    public void ClearFaults(int? randomSeed = null) => _state.Faults.Clear(randomSeed);

    public SandboxSettings GetSettings() => _state.Settings;

    public SandboxSettings UpdateSettings(Func<SandboxSettings, SandboxSettings> change) => _state.UpdateSettings(change);

    /// <summary>Every token issued so far now fails Graph's lifetime check; new tokens work.</summary>
    public void ExpireAllTokens() => _state.IssuedTokens.ExpireAll();

    /// <summary>Holds admitted requests of a route until the pause is released or disposed (one pause per route).</summary>
    public RoutePause PauseRoute(string route)
    {
        if (!RouteNames.All.Contains(route))
        {
            throw new ArgumentException($"Unknown route '{route}'.", nameof(route));
        }

        var pause = new RoutePause(route, p => _state.Pauses.TryRemove(new KeyValuePair<string, RoutePause>(p.Route, p)));
        if (!_state.Pauses.TryAdd(route, pause))
        {
            throw new InvalidOperationException($"The route '{route}' is already paused.");
        }

        return pause;
    }

    /// <summary>
    /// Approves the pending device-code sign-ins as <paramref name="userPrincipalName"/>: the one with
    /// <paramref name="userCode"/>, or every pending one when it is null. Returns how many.
    /// </summary>
    public int ApproveDeviceCode(string userPrincipalName, string? userCode = null) =>
        _state.DeviceCodes.Decide(userCode, userPrincipalName ?? throw new ArgumentNullException(nameof(userPrincipalName)), decline: false);

    /// <summary>The user declines the pending sign-ins (authorization_declined at the next poll). Returns how many.</summary>
    public int DeclineDeviceCode(string? userCode = null) => _state.DeviceCodes.Decide(userCode, null, decline: true);

    /// <summary>Every device-code sign-in started since the last reset (without device codes).</summary>
    public IReadOnlyList<Delegated.DeviceCodeSnapshot> GetDeviceCodes() => _state.DeviceCodes.Snapshot();

    /// <summary>Everything created in the directory so far has replicated: sign-ins see it now, whatever replicationDelaySeconds says.</summary>
    public void ReplicateDirectory() => _state.DirectoryObjects.ReplicateNow(_state.Clock.GetUtcNow());

    /// <summary>The app registrations of a tenant (by GUID or domain), seeded and created.</summary>
    public IReadOnlyList<Applications.ApplicationSnapshot> GetApplications(string tenant) =>
        _state.Directory.FindTenant(tenant) is { } found ? _state.DirectoryObjects.Snapshot(found.Id) : [];

    /// <summary>Back to the state after start: no messages, drafts, uploads, requests, faults, created apps or sign-ins; settings from the seed; counters zeroed.</summary>
    public void Reset()
    {
        _state.DirectoryObjects.Reset();
        _state.DeviceCodes.Clear();
        _state.RefreshTokens.Clear();
        _state.Messages.Clear();
        _state.Requests.Clear();
        _state.Drafts.Clear();
        _state.SentItems.Clear();
        _state.RecipientRate.Clear();
        _state.Uploads.Clear();
        _state.Faults.Clear();
        _state.ResetSettings();
        _state.Concurrency.ResetStatistics();
        _state.Budget.Reset();
    }
}
