using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace GraphMail.Commands;

/// <summary>
/// Engine calls that talk to the user while they run (a device code to show, progress, a ShouldProcess question):
/// the engine runs on the thread pool, and everything it asks of PowerShell is queued to the pipeline thread, which
/// runs it while it waits, and only then. So WriteWarning, WriteProgress and ShouldProcess stay on the pipeline thread.
/// </summary>
public abstract partial class GraphMailCmdlet
{
    protected T AwaitWithHost<T>(Func<HostBridge, CancellationToken, Task<T>> engineCall)
    {
        using var bridge = new HostBridge();
        var call = Task.Run(() => engineCall(bridge, CancellationToken), CancellationToken);
        _ = call.ContinueWith(_ => bridge.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        // A write that fails (the pipeline is stopping) stops the engine call; later posts are still drained so it can end.
        Exception? failed = null;
        foreach (var action in bridge.Posted())
        {
            try
            {
                action();
            }
            catch (Exception e) when (failed is null)
            {
                failed = e;
                _stopping.Cancel();
            }
        }

        if (failed is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failed).Throw();
        }

        try
        {
            return call.ConfigureAwait(false).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>The engine's way back to the pipeline thread for one call.</summary>
    protected sealed class HostBridge : IDisposable
    {
        private readonly BlockingCollection<Action> _posted = new();

        /// <summary>Runs <paramref name="action"/> on the pipeline thread, without waiting for it.</summary>
        public void Post(Action action) => _posted.Add(action);

        /// <summary>Runs <paramref name="question"/> on the pipeline thread and waits for its answer (ShouldProcess).</summary>
        public TAnswer Ask<TAnswer>(Func<TAnswer> question)
        {
            var answer = new TaskCompletionSource<TAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
            _posted.Add(() =>
            {
                try
                {
                    answer.SetResult(question());
                }
                catch (Exception e)
                {
                    answer.SetException(e);
                }
            });
            return answer.Task.GetAwaiter().GetResult();
        }

        internal void Complete() => _posted.CompleteAdding();

        /// <summary>What the engine posts, until the engine call has finished: for the pipeline thread to run.</summary>
        internal System.Collections.Generic.IEnumerable<Action> Posted() => _posted.GetConsumingEnumerable();

        public void Dispose() => _posted.Dispose();
    }
}
