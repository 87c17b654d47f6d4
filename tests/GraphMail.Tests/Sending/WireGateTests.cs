using System;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending.Http;

namespace GraphMail.Tests.Sending;

public sealed class WireGateTests
{
    private const string Mailbox = "noreply@contoso.com";

    [Fact]
    public async Task AWaiterStoppedJustBeforeASlotFreesUpDoesNotGetOnTheWire()
    {
        var gate = new WireGate(slotsPerMailbox: 1);
        var held = await gate.EnterAsync(Mailbox, CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var waiting = gate.EnterAsync(Mailbox, stop.Token);

        // SemaphoreSlim removes a cancelled waiter on a pool thread; a release right after the cancel beats it.
        stop.Cancel();
        held.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        using var next = await gate.EnterAsync(Mailbox, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(1, gate.PeakPerMailbox);
    }

    [Fact]
    public async Task SlotsAreCountedPerMailbox()
    {
        var gate = new WireGate(slotsPerMailbox: 2);
        using var a1 = await gate.EnterAsync(Mailbox, CancellationToken.None);
        using var a2 = await gate.EnterAsync(Mailbox, CancellationToken.None);
        using var b1 = await gate.EnterAsync("reports@contoso.com", CancellationToken.None);

        var third = gate.EnterAsync(Mailbox.ToUpperInvariant(), CancellationToken.None);

        Assert.False(third.IsCompleted);
        a1.Dispose();
        using var granted = await third.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(2, gate.PeakPerMailbox);
    }
}
