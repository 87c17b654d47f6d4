using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Sending;
using GraphMail.Engine.Sending.Http;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Paths;
using GraphMail.Engine.Sending.Pipeline;

namespace GraphMail.Bench.Sending;

/// <summary>
/// One Send-GraphMail command as the cmdlet makes its engine calls: a channel and send path of its own, each pipeline
/// record planned, checked and submitted, then the end of the pipeline. Only PowerShell's own binding is missing.
/// </summary>
public static class OneCommand
{
    /// <param name="commandLine">The parameters given on the command line.</param>
    /// <param name="records">Each pipeline record's bound parameters (Import-Csv rows, for example).</param>
    public static IReadOnlyList<SendResult> Run(GraphMailConnection connection, MailParameters commandLine, IEnumerable<MailParameters> records)
    {
        using var channel = new ConnectionChannel(connection);
        var sender = new MessageSender(channel);
        using var run = new SendRun(() => sender, commandLine, connection.Info.DefaultFrom, Path.GetFullPath, CancellationToken.None);
        return run.SendAll(records.Select((record, index) =>
            new PipelineRecord(index, null, isFile: false, record, record.Given.ToDictionary(name => name, name => (object?)name))));
    }

    public static MailParameters Parameters(params (string Name, object? Value)[] bound) =>
        MailParameters.FromBound(bound.Select(b => new KeyValuePair<string, object?>(b.Name, b.Value)));
}
