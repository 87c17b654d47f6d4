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

    /// <summary>
    /// A parameter's file path as PowerShell means it (relative to the current location, ~ expanded). A path on another
    /// provider (env:FOO) is refused by name: taken as it is, it would be a file named FOO in the process's folder.
    /// </summary>
    /// <exception cref="GraphMailException">PathNotOnFileSystem.</exception>
    protected string ProviderPath(string path, string parameterName)
    {
        try
        {
            return LocalFilePath(path);
        }
        catch (ArgumentException e)
        {
            throw PathNotOnFileSystem(path, parameterName, e);
        }
    }

    private protected static GraphMailException PathNotOnFileSystem(string path, string parameterName, ArgumentException refusal) =>
        new GraphMailException(ErrorIds.PathNotOnFileSystem, GraphMailErrorKind.InvalidArgument,
            $"-{parameterName} '{path}' cannot be used: {refusal.Message}",
            $"Give -{parameterName} the path of a file, relative to the current location or full (./file, ~/file, C:\\folder\\file).").Targeting(path);

    protected override void StopProcessing() => _stopping.Cancel();

    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
