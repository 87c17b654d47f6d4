using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Errors;

namespace GraphMail.Commands;

/// <summary>
/// What every GraphMail cmdlet shares: engine calls awaited on the pipeline thread with a token that
/// StopProcessing (Ctrl+C) cancels, and GraphMailException turned into an ErrorRecord by the one mapping.
/// </summary>
public abstract partial class GraphMailCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    protected CancellationToken CancellationToken => _stopping.Token;

    /// <summary>
    /// Runs one engine call and waits for it on the pipeline thread. When Ctrl+C cancelled it, the pipeline is
    /// already stopping: PipelineStoppedException is how a cmdlet tells PowerShell it has unwound.
    /// </summary>
    protected T Await<T>(Func<CancellationToken, Task<T>> engineCall)
    {
        try
        {
            return engineCall(_stopping.Token).ConfigureAwait(false).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    protected void Await(Func<CancellationToken, Task> engineCall) =>
        Await<bool>(async token =>
        {
            await engineCall(token).ConfigureAwait(false);
            return true;
        });

    /// <summary>Non-terminating: one item failed, the rest of the pipeline goes on.</summary>
    protected void WriteEngineError(GraphMailException exception, object? target) =>
        WriteError(ErrorRecords.From(exception, target));

    /// <summary>Terminating: nothing else in this command can proceed.</summary>
    protected void ThrowEngineError(GraphMailException exception, object? target) =>
        ThrowTerminatingError(ErrorRecords.From(exception, target));

    protected override void StopProcessing() => _stopping.Cancel();

    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
