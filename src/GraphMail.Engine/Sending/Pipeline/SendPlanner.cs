using System;
using System.Collections.Generic;
using System.Linq;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Validation;

namespace GraphMail.Engine.Sending.Pipeline;

/// <summary>
/// The pipeline rule, checked for every record before anything is sent for it:
/// <list type="number">
/// <item>A record with properties named like message parameters (To, Subject, Body, Cc, ...: a mail-merge row) is a
/// message of its own; the command line fills in what it does not give. A blank value ('' in a CSV cell) is not given.</item>
/// <item>A record that only names a file (Get-ChildItem output, a path) adds it to the one message sent at the end, made
/// of the command line; without pipeline input the command line alone is that message.</item>
/// <item>A parameter comes from the command line or from the input, never both: a record that gives a value for a
/// parameter also given on the command line ends the command with PipelineInputConflict (piped files and -Attachments too).</item>
/// <item>A value PowerShell could not bind (BodyAsHtml 'maybe') fails its record, named; files among message records,
/// and objects with nothing to send, fail theirs: every record ends in exactly one result.</item>
/// </list>
/// </summary>
public sealed class SendPlanner
{
    private readonly MailParameters _commandLine;
    private readonly List<PipelineRecord> _files = new();
    private readonly HashSet<string> _notesGiven = new(StringComparer.Ordinal);
    private readonly List<string> _pendingNotes = new();
    private int _messages;
    private bool _recordsStandAlone;

    public SendPlanner(MailParameters commandLine)
    {
        _commandLine = commandLine;
        Note(CompatibilityNotes.For(commandLine));
    }

    /// <summary>
    /// One pipeline record. Returns what can be decided now, in input order: files held so far that can no longer join
    /// a message (a message record came), and this record's message or rejection; nothing for a file that is held.
    /// </summary>
    public IReadOnlyList<PlannedMessage> Accept(PipelineRecord record)
    {
        DropCoercedRecordText(record);
        foreach (var blank in record.Properties.Where(p => MailParameters.IsBlank(p.Value)))
        {
            record.Bound.Forget(blank.Key);
        }

        Note(CompatibilityNotes.For(record.Bound));
        var plans = new List<PlannedMessage>();
        if (Conflict(record) is { } conflict)
        {
            StandAlone(plans);
            plans.Add(Reject(record, conflict, endsCommand: true));
        }
        else if (record.IsAttachmentOnly)
        {
            if (_recordsStandAlone)
            {
                plans.Add(Reject(record, WithoutMessage()));
            }
            else
            {
                _files.Add(record);
            }
        }
        else
        {
            StandAlone(plans);
            plans.Add(Unbindable(record) is { } unusable ? Reject(record, unusable)
                : record.IsMessage ? new PlannedMessage(++_messages, record.Index, record.Bound.Over(_commandLine), record.Input)
                : Reject(record, NotRecognized(record)));
        }

        return plans;
    }

    /// <summary>
    /// No more input. Returns the one message made of the command line and every piped file when no record was a
    /// message of its own; otherwise nothing (files that came before the first message record were already refused).
    /// </summary>
    public IReadOnlyList<PlannedMessage> Complete()
    {
        if (_recordsStandAlone)
        {
            return Array.Empty<PlannedMessage>();
        }

        var parameters = new MailParameters().Over(_commandLine);
        parameters.Attachments = (_commandLine.Attachments ?? Array.Empty<string>()).Concat(_files.SelectMany(f => f.Bound.Attachments ?? Array.Empty<string>())).ToArray();
        object? input = _files.Count switch
        {
            0 => null,
            1 => _files[0].Input,
            _ => _files.Select(f => f.Input).ToArray(),
        };
        _recordsStandAlone = true;
        return new[] { new PlannedMessage(++_messages, _files.Count == 0 ? 0 : _files[0].Index, parameters, input) };
    }

    /// <summary>Notes (warnings) not yet handed out; each distinct note is handed out once per command.</summary>
    public IReadOnlyList<string> TakeNotes()
    {
        var notes = _pendingNotes.ToList();
        _pendingNotes.Clear();
        return notes;
    }

    /// <summary>
    /// A record no parameter takes by value is bound to -Attachments (ByValue, with coercion) as its own text,
    /// "@{To=...; Subject=...}": that is the record, not a file, so it is dropped.
    /// </summary>
    private static void DropCoercedRecordText(PipelineRecord record)
    {
        if (!record.IsFile && !record.Properties.ContainsKey(nameof(MailParameters.Attachments)))
        {
            record.Bound.Attachments = null;
            record.Bound.Given.Remove(nameof(MailParameters.Attachments));
        }
    }

    /// <summary>From now on every record is a result of its own: files held so far can no longer join a message.</summary>
    private void StandAlone(List<PlannedMessage> plans)
    {
        _recordsStandAlone = true;
        plans.AddRange(_files.Select(f => Reject(f, WithoutMessage())));
        _files.Clear();
    }

    private GraphMailException? Conflict(PipelineRecord record)
    {
        foreach (var pair in record.Properties.Where(p => !MailParameters.IsBlank(p.Value) && _commandLine.Given.Contains(p.Key)))
        {
            return pair.Key.Equals(nameof(MailParameters.Attachments), StringComparison.OrdinalIgnoreCase) && record.IsFile
                ? FilesConflict(record)
                : new GraphMailException(ErrorIds.PipelineInputConflict, GraphMailErrorKind.InvalidArgument,
                    $"Input {record.Index} gives {pair.Key} '{Show(pair.Value)}', and -{pair.Key} is given on the command line too. " +
                    "GraphMail does not choose between them; nothing is sent for this input, and the command stops here.",
                    $"Give {pair.Key} in the input (a column or property) or on the command line, not both: remove -{pair.Key}, or rename or empty the input's {pair.Key}.");
        }

        return record.IsFile && _commandLine.Given.Contains(nameof(MailParameters.Attachments)) ? FilesConflict(record) : null;
    }

    private static GraphMailException FilesConflict(PipelineRecord record) =>
        new(ErrorIds.PipelineInputConflict, GraphMailErrorKind.InvalidArgument,
            $"Input {record.Index} is a file to attach ('{Show(record.Input)}'), and -Attachments is given on the command line too. " +
            "GraphMail does not mix them; nothing is sent, and the command stops here.",
            "Pipe every file, or give every file to -Attachments: (Get-ChildItem ./logs -File) + (Get-Item ./report.pdf) | Send-GraphMail -To ... -Subject ...");

    /// <summary>A property with a value PowerShell could not bind to its parameter (a type it cannot take).</summary>
    private GraphMailException? Unbindable(PipelineRecord record)
    {
        foreach (var pair in record.Properties.Where(p => !MailParameters.IsBlank(p.Value) && !record.Bound.Given.Contains(p.Key)))
        {
            return new GraphMailException(ErrorIds.InvalidSendParameter, GraphMailErrorKind.InvalidArgument,
                $"Input {record.Index} gives {pair.Key} '{Show(pair.Value)}', which -{pair.Key} cannot take: {Expected(pair.Key)}. Nothing was sent for this input.",
                $"Correct the {pair.Key} value, or leave it empty for the default.");
        }

        return null;
    }

    private static string Expected(string parameter) => parameter.ToUpperInvariant() switch
    {
        "BODYASHTML" or "SAVETOSENTITEMS" or "USESSL" => "it takes true or false (or 1 or 0)",
        "PRIORITY" => "it takes Normal, High or Low",
        "DELIVERYNOTIFICATIONOPTION" => "it takes None, OnSuccess, OnFailure, Delay or Never",
        "PORT" => "it takes a number",
        "HEADER" or "INLINEATTACHMENT" => "it takes a hashtable such as @{ name = 'value' }",
        "ENCODING" => "it takes an encoding name such as UTF8",
        _ => "PowerShell could not convert it",
    };

    private static GraphMailException WithoutMessage() =>
        new(ErrorIds.InputWithoutMessage, GraphMailErrorKind.InvalidArgument,
            "This input is only a file to attach, while other input records are messages of their own (they give To, Subject and so on); it was not sent.",
            "Give every record its message values, or pipe only files and give -To on the command line.");

    private static GraphMailException NotRecognized(PipelineRecord record) =>
        new(ErrorIds.InputNotRecognized, GraphMailErrorKind.InvalidArgument,
            $"Input {record.Index} ('{Show(record.Input)}') has no property named like a Send-GraphMail parameter (To, Subject, Body, From, Cc, ...) and is not a file; nothing was sent for it." +
            (record.Input is System.Collections.IDictionary ? " A hashtable's keys are not properties: PowerShell binds none of them from the pipeline." : string.Empty),
            record.Input is System.Collections.IDictionary
                ? "Splat the hashtable (Send-GraphMail @message), or pipe objects: [pscustomobject]@{ To = 'ann@fabrikam.com'; Subject = 'Hello' } | Send-GraphMail"
                : "Pipe objects with To, Subject, Body ... properties (Import-Csv rows), or files to attach (Get-ChildItem).");

    private PlannedMessage Reject(PipelineRecord record, GraphMailException error, bool endsCommand = false) =>
        new(++_messages, record.Index, record.Bound.Over(_commandLine), record.Input, error, endsCommand);

    private static string Show(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            string s => s,
            System.Collections.IEnumerable many => string.Join(", ", many.Cast<object?>().Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))),
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        };
        return text.Length <= 80 ? text : text.Substring(0, 77) + "...";
    }

    /// <summary>A note (warning) about the whole command, handed out once.</summary>
    internal void Note(string note) => Note(new[] { note });

    private void Note(IEnumerable<string> notes)
    {
        foreach (var note in notes)
        {
            if (_notesGiven.Add(note))
            {
                _pendingNotes.Add(note);
            }
        }
    }
}
