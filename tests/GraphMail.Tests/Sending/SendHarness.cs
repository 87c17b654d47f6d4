using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Sending;
using GraphMail.Engine.Sending.Dispatch;
using GraphMail.Engine.Sending.Http;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Paths;
using GraphMail.Engine.Sending.Pipeline;
using GraphMail.Engine.Sending.Retry;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Sending;

/// <summary>
/// A real GraphMailConnection to the test class's sandbox (the large-attachments app: Mail.Send + Mail.ReadWrite,
/// scoped to noreply@ and reports@), the send path over it, and helpers that drive a SendRun as the cmdlet does.
/// Retry waits are recorded and skipped, so Retry-After is asserted by value, never by the clock.
/// </summary>
public sealed class SendHarness : IDisposable
{
    private SendHarness(GraphMailConnection connection)
    {
        Connection = connection;
        Channel = new ConnectionChannel(connection);
        Retry = new RetryOptions
        {
            Delay = (wait, token) =>
            {
                Waits.Add(wait);
                token.ThrowIfCancellationRequested();
                return Task.CompletedTask;
            },
        };
        Sender = new MessageSender(Channel, Retry);
    }

    internal GraphMailConnection Connection { get; }

    internal ConnectionChannel Channel { get; }

    internal RetryOptions Retry { get; }

    internal MessageSender Sender { get; }

    /// <summary>Every retry wait the send path asked for.</summary>
    internal ConcurrentBag<TimeSpan> Waits { get; } = new();

    internal static Task<SendHarness> ConnectAsync(SandboxFixture sandbox, string? defaultFrom = SandboxDefaults.Noreply,
        string appId = SandboxDefaults.LargeAttachmentsAppId, string secret = SandboxDefaults.LargeAttachmentsSecret) =>
        ConnectAsync(sandbox.Server, defaultFrom, appId, secret);

    internal static async Task<SendHarness> ConnectAsync(GraphMail.Sandbox.SandboxServer server, string? defaultFrom,
        string appId, string secret)
    {
        var connection = await Connector.ConnectAsync(new ConnectionRequest
        {
            TenantId = SandboxDefaults.TenantDomain,
            ClientId = appId,
            Credential = new ClientSecretCredential(Secure(secret)),
            Sandbox = SandboxEndpoint.Parse(server.ReadyLine),
            DefaultFrom = defaultFrom,
        }, CancellationToken.None);
        return new SendHarness(connection);
    }

    /// <summary>Runs one command: the command-line parameters, then each pipeline record, as the cmdlet would; every result in input order.</summary>
    internal IReadOnlyList<SendResult> Run(MailParameters commandLine, IEnumerable<PipelineRecord>? records = null,
        CancellationToken stop = default, DispatchOptions? options = null, Func<string, string>? resolvePath = null)
    {
        using var run = new SendRun(() => Sender, commandLine, Connection.Info.DefaultFrom, resolvePath ?? Path.GetFullPath, stop, options);
        return run.SendAll(records ?? Array.Empty<PipelineRecord>());
    }

    /// <summary>
    /// Drives a run as the cmdlet does, stop included: results taken in order as they are ready; when the stop token
    /// ends a wait, the run is halted and its unwritten results taken too. Returns every result, in the order taken.
    /// </summary>
    internal static List<SendResult> Drive(SendRun run, IEnumerable<PipelineRecord> records)
    {
        var taken = new List<SendResult>();
        void Take(DispatchWait wait)
        {
            while (run.Next(wait) is { } result)
            {
                taken.Add(result);
                run.Written(result);
            }
        }

        void Submit(IEnumerable<PlannedMessage> plans)
        {
            foreach (var plan in plans)
            {
                if (run.Prepare(plan) is { } message)
                {
                    run.Submit(plan, message);
                }
            }
        }

        try
        {
            foreach (var record in records)
            {
                Submit(run.Planner.Accept(record));
                Take(DispatchWait.Room);
            }

            Submit(run.Planner.Complete());
            Take(DispatchWait.All);
        }
        catch (OperationCanceledException)
        {
            taken.AddRange(run.Halt());
        }

        return taken;
    }

    /// <summary>One message from these parameters, as `Send-GraphMail @parameters` with no pipeline input.</summary>
    internal SendResult SendOne(MailParameters parameters) => Run(parameters).Single();

    /// <summary>A mail-merge record (an Import-Csv row): its properties, bound by name as PowerShell binds them.</summary>
    internal static PipelineRecord Row(int index, object? input, params (string Name, object? Value)[] values) =>
        new(index, input, isFile: false, Parameters(values), values.ToDictionary(v => v.Name, v => v.Value));

    /// <summary>A piped file (Get-ChildItem output): bound to -Attachments by its PSPath.</summary>
    internal static PipelineRecord FileRecord(int index, string path) =>
        new(index, new FileInfo(path), isFile: true, Parameters(("Attachments", path)), new Dictionary<string, object?> { ["Attachments"] = path });

    internal static MailParameters Parameters(params (string Name, object? Value)[] bound) =>
        MailParameters.FromBound(bound.Select(b => new KeyValuePair<string, object?>(b.Name, b.Value)));

    public void Dispose()
    {
        Channel.Dispose();
        Connection.Dispose();
    }

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
