using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading;
using GraphMail.Sandbox.Control;
using GraphMail.Sandbox.Delegated;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Identity;
using GraphMail.Sandbox.Mail;
using GraphMail.Sandbox.Seed;
using GraphMail.Sandbox.Throttling;
using GraphMail.Sandbox.Uploads;

namespace GraphMail.Sandbox.Hosting;

/// <summary>Everything one running sandbox holds: the directory, keys, stores, faults, throttles and settings.</summary>
internal sealed class SandboxState : IDisposable
{
    private const int LogCapacity = 50_000;
    private SandboxSettings _settings;

    internal SandboxState(SandboxSeed seed, SigningKeys signingKeys, TimeProvider clock, int? randomSeed)
    {
        Clock = clock;
        SigningKeys = signingKeys;
        Directory = new SandboxDirectory(seed, clock.GetUtcNow());
        DirectoryObjects = new GraphMail.Sandbox.Applications.DirectoryStore(Directory);
        seed.Limits.Validate();
        _settings = seed.Limits;
        TokenValidator = new AccessTokenValidator(SigningKeys, IssuedTokens, Directory, clock);
        TokenIssuer = new AccessTokenIssuer(SigningKeys, IssuedTokens, clock);
        Budget = new RequestBudget(clock);
        Faults = new FaultInjector(randomSeed);
        IdentityHeader = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
    }

    internal TimeProvider Clock { get; }

    internal SandboxDirectory Directory { get; }

    internal SigningKeys SigningKeys { get; }

    /// <summary>App registrations, service principals and app role assignments, seeded and created at run time.</summary>
    internal GraphMail.Sandbox.Applications.DirectoryStore DirectoryObjects { get; }

    internal DeviceCodeStore DeviceCodes { get; } = new();

    internal RefreshTokens RefreshTokens { get; } = new();

    internal IssuedTokens IssuedTokens { get; } = new();

    internal AccessTokenIssuer TokenIssuer { get; }

    internal AccessTokenValidator TokenValidator { get; }

    internal ObservableLog<RecordedMessage> Messages { get; } = new(LogCapacity);

    internal ObservableLog<RecordedRequest> Requests { get; } = new(LogCapacity);

    internal DraftStore Drafts { get; } = new();

    /// <summary>Submitted messages: Sent Items and what is in transit to it.</summary>
    internal SentItemStore SentItems { get; } = new();

    internal RecipientRate RecipientRate { get; } = new();

    internal UploadSessionStore Uploads { get; } = new();

    internal FaultInjector Faults { get; }

    internal ConcurrencyGate Concurrency { get; } = new();

    internal RequestBudget Budget { get; }

    internal ConcurrentDictionary<string, RoutePause> Pauses { get; } = new();

    /// <summary>The secret managed identity callers send as X-IDENTITY-HEADER (IDENTITY_HEADER).</summary>
    internal string IdentityHeader { get; }

    internal SandboxSettings Settings => Volatile.Read(ref _settings);

    internal SandboxSettings UpdateSettings(Func<SandboxSettings, SandboxSettings> change)
    {
        while (true)
        {
            var current = Settings;
            var next = change(current);
            next.Validate();
            if (Interlocked.CompareExchange(ref _settings, next, current) == current)
            {
                return next;
            }
        }
    }

    internal void ResetSettings() => Volatile.Write(ref _settings, Directory.Seed.Limits);

    public void Dispose() => SigningKeys.Dispose();
}
