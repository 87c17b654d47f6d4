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

    internal static async Task<SendHarness> ConnectAsync(SandboxFixture sandbox, string? defaultFrom = SandboxDefaults.Noreply,
        string appId = SandboxDefaults.LargeAttachmentsAppId, string secret = SandboxDefaults.LargeAttachmentsSecret)
    {
        var connection = await Connector.ConnectAsync(new ConnectionRequest
        {
            TenantId = SandboxDefaults.TenantDomain,
            ClientId = appId,
            Credential = new ClientSecretCredential(Secure(secret)),
            Sandbox = SandboxEndpoint.Parse(sandbox.Server.ReadyLine),
            DefaultFrom = defaultFrom,
        }, CancellationToken.None);
        return new SendHarness(connection);
    }

    /// <summary>Runs one command: the command-line parameters, then each pipeline record's bound parameters, as the cmdlet would.</summary>
    internal List<SendOutcome> Run(MailParameters commandLine, IEnumerable<(MailParameters Bound, object? Input)>? records = null,
        CancellationToken stop = default, DispatchOptions? options = null, Func<string, string>? resolvePath = null)
    {
        using var run = new SendRun(Sender, commandLine, Connection.Info.DefaultFrom, resolvePath ?? Path.GetFullPath, stop, options);
        var outcomes = new List<SendOutcome>();
        foreach (var (bound, input) in records ?? Array.Empty<(MailParameters, object?)>())
        {
            if (run.Planner.Accept(bound, input) is { } plan)
            {
                Submit(run, plan, outcomes);
            }
        }

        foreach (var plan in run.Planner.Complete())
        {
            Submit(run, plan, outcomes);
        }

        outcomes.AddRange(run.Finish());
        return outcomes;
    }

    /// <summary>One message from these parameters, as `Send-GraphMail @parameters` with no pipeline input.</summary>
    internal SendResult SendOne(MailParameters parameters) => Run(parameters).Single().Result;

    internal static MailParameters Parameters(params (string Name, object? Value)[] bound) =>
        MailParameters.FromBound(bound.Select(b => new KeyValuePair<string, object?>(b.Name, b.Value)));

    public void Dispose()
    {
        Channel.Dispose();
        Connection.Dispose();
    }

    private static void Submit(SendRun run, Engine.Sending.Pipeline.PlannedMessage plan, List<SendOutcome> outcomes)
    {
        if (run.Prepare(plan) is { } message)
        {
            outcomes.AddRange(run.Submit(plan, message));
        }

        outcomes.AddRange(run.Completed());
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
