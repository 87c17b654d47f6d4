using System;
using System.Threading;
using System.Threading.Tasks;

namespace GraphMail.Sandbox.Faults;

/// <summary>
/// Holds admitted requests of one route until released, so a test can see how many a client has in flight
/// without timing. In-process only (SandboxControl.PauseRoute). Dispose releases the held requests.
/// </summary>
public sealed class RoutePause : IDisposable
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _gate = new();
    private readonly Action<RoutePause> _onDispose;
    private int _arrived;
    private TaskCompletionSource? _arrivalSignal;
    private int _awaitedCount;

    internal RoutePause(string route, Action<RoutePause> onDispose)
    {
        Route = route;
        _onDispose = onDispose;
    }

    public string Route { get; }

    /// <summary>Requests that reached the pause so far.</summary>
    public int Arrived => Volatile.Read(ref _arrived);

    /// <summary>Completes once <paramref name="count"/> requests are held (or were held) by this pause.</summary>
    public Task WaitForArrivalsAsync(int count, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_arrived >= count)
            {
                return Task.CompletedTask;
            }

            _awaitedCount = count;
            _arrivalSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _arrivalSignal.Task.WaitAsync(cancellationToken);
        }
    }

    public void Release() => _released.TrySetResult();

    public void Dispose()
    {
        Release();
        _onDispose(this);
    }

    internal Task HoldAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource? reached = null;
        lock (_gate)
        {
            _arrived++;
            if (_arrivalSignal is not null && _arrived >= _awaitedCount)
            {
                reached = _arrivalSignal;
                _arrivalSignal = null;
            }
        }

        reached?.TrySetResult();
        return _released.Task.WaitAsync(cancellationToken);
    }
}
