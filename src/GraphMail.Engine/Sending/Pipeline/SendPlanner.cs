using System;
using System.Collections.Generic;
using System.Linq;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Validation;

namespace GraphMail.Engine.Sending.Pipeline;

/// <summary>
/// The one rule that serves both pipeline habits: <b>if the pipeline supplies a recipient (To) for a record, that
/// record is its own message; otherwise piped input only adds attachments to the one message sent at the end.</b>
/// So <c>Get-ChildItem *.log | Send-GraphMail -To a@x -Subject Logs</c> sends one message with every file, as
/// Send-MailMessage does, and <c>Import-Csv list.csv | Send-GraphMail</c> sends one message per row.
/// </summary>
public sealed class SendPlanner
{
    private readonly MailParameters _commandLine;
    private readonly List<string> _pipedAttachments = new();
    private readonly List<object?> _attachmentInputs = new();
    private readonly HashSet<string> _notesGiven = new(StringComparer.Ordinal);
    private readonly List<string> _pendingNotes = new();
    private int _messages;
    private bool _anyRecordWasAMessage;

    public SendPlanner(MailParameters commandLine)
    {
        _commandLine = commandLine;
        Note(CompatibilityNotes.For(commandLine));
    }

    /// <summary>
    /// One pipeline record, given the parameters the pipeline bound for it (not those from the command line).
    /// Returns the message to send now, or null when the record only added attachments.
    /// </summary>
    public PlannedMessage? Accept(MailParameters pipelineBound, object? input)
    {
        Note(CompatibilityNotes.For(pipelineBound));
        DropCoercedRecordText(pipelineBound);
        if (pipelineBound.Given.Count == 0)
        {
            // No pipeline input at all (PowerShell still calls ProcessRecord once), or a record that bound nothing.
            return null;
        }

        if (pipelineBound.Given.Contains(nameof(MailParameters.To)))
        {
            _anyRecordWasAMessage = true;
            return new PlannedMessage(++_messages, pipelineBound.Over(_commandLine), input);
        }

        _pipedAttachments.AddRange(pipelineBound.Attachments ?? Array.Empty<string>());
        _attachmentInputs.Add(input);
        var ignored = pipelineBound.Given.Where(n => !n.Equals(nameof(MailParameters.Attachments), StringComparison.OrdinalIgnoreCase)).OrderBy(n => n).ToList();
        if (ignored.Count > 0)
        {
            Note(new[]
            {
                "Piped input without a To only adds attachments to the one message sent at the end; its " +
                string.Join(", ", ignored) + " value(s) were not used. Give To in the input to send one message per record.",
            });
        }

        return null;
    }

    /// <summary>
    /// No more input. Returns the one message made of the command line and every piped attachment when no record
    /// supplied a To; otherwise nothing more is sent, and records that carried only attachments are reported.
    /// </summary>
    public IReadOnlyList<PlannedMessage> Complete()
    {
        if (!_anyRecordWasAMessage)
        {
            var parameters = new MailParameters().Over(_commandLine);
            parameters.Attachments = (_commandLine.Attachments ?? Array.Empty<string>()).Concat(_pipedAttachments).ToArray();
            object? input = _attachmentInputs.Count switch
            {
                0 => null,
                1 => _attachmentInputs[0],
                _ => _attachmentInputs.ToArray(),
            };
            return new[] { new PlannedMessage(++_messages, parameters, input) };
        }

        return _attachmentInputs.Select(input => new PlannedMessage(++_messages, _commandLine, input, new GraphMailException(
            ErrorIds.InputWithoutMessage, GraphMailErrorKind.InvalidArgument,
            "This input has no To, while other input records did and were sent as messages of their own; its attachments were not sent.",
            "Give every record a To, or pipe only files and give -To on the command line."))).ToList();
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
    private static void DropCoercedRecordText(MailParameters record)
    {
        if (record.Attachments is { Length: 1 } one && one[0].StartsWith("@{", StringComparison.Ordinal) && one[0].EndsWith("}", StringComparison.Ordinal))
        {
            record.Attachments = null;
            record.Given.Remove(nameof(MailParameters.Attachments));
        }
    }

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
