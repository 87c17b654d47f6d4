using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace GraphMail.Sandbox.Control;

/// <summary>An append-only list that tests can read, clear, and await entries of (no polling, no sleeps).</summary>
internal sealed class ObservableLog<T>(int capacity)
{
    private readonly object _gate = new();
    private readonly LinkedList<T> _items = new();
    private readonly List<(Func<T, bool> Predicate, TaskCompletionSource<T> Completion)> _waiters = [];

    internal void Add(T item)
    {
        List<TaskCompletionSource<T>> satisfied;
        lock (_gate)
        {
            _items.AddLast(item);
            if (_items.Count > capacity)
            {
                _items.RemoveFirst();
            }

            satisfied = _waiters.Where(w => w.Predicate(item)).Select(w => w.Completion).ToList();
            _waiters.RemoveAll(w => satisfied.Contains(w.Completion));
        }

        foreach (var completion in satisfied)
        {
            completion.TrySetResult(item);
        }
    }

    internal IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return _items.ToList();
        }
    }

    internal void Clear()
    {
        lock (_gate)
        {
            _items.Clear();
        }
    }

    /// <summary>Completes with the first entry (already present or still to come) that matches.</summary>
    internal Task<T> WaitForAsync(Func<T, bool> predicate, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (var item in _items)
            {
                if (predicate(item))
                {
                    return Task.FromResult(item);
                }
            }

            _waiters.Add((predicate, completion));
        }

        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                lock (_gate)
                {
                    _waiters.RemoveAll(w => w.Completion == completion);
                }

                completion.TrySetCanceled(cancellationToken);
            });
        }

        return completion.Task;
    }
}
