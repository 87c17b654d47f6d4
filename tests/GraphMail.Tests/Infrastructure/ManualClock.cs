using System;
using System.Threading;

namespace GraphMail.Tests.Infrastructure;

/// <summary>A clock tests move by hand (SandboxOptions.Clock), so lifetimes and windows need no waiting.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    internal void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
