using System.Threading;
using System.Threading.Tasks;

namespace GraphMail.Sandbox.Batch;

/// <summary>
/// The requests of one parallel $batch step. Each request is admitted or refused by throttling first; none runs
/// until all have been decided, so a fifth parallel request to one mailbox meets four that are really in flight.
/// </summary>
internal sealed class BatchGroup(int size)
{
    private readonly TaskCompletionSource _allDecided = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pending = size;

    internal Task AllDecided => _allDecided.Task;

    internal void Decided()
    {
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _allDecided.TrySetResult();
        }
    }
}

/// <summary>One request's place in a BatchGroup; reporting twice counts once.</summary>
internal sealed class BatchAdmission(BatchGroup group)
{
    private int _decided;

    internal void Decided()
    {
        if (Interlocked.Exchange(ref _decided, 1) == 0)
        {
            group.Decided();
        }
    }

    internal Task WaitForGroupAsync(CancellationToken cancellationToken) => group.AllDecided.WaitAsync(cancellationToken);
}
