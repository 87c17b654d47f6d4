using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace GraphMail.Engine.Sending.Journal;

/// <summary>
/// The -Journal file: JSON lines, appended and flushed to disk (fsync) one by one, never rewritten. A crash can tear
/// only the last line; reading skips it. Any other line that does not parse means the file is not a journal.
/// </summary>
internal sealed class JournalFile : IDisposable
{
    private readonly FileStream? _stream;

    private JournalFile(FileStream? stream) => _stream = stream;

    /// <summary>
    /// Opens (or creates) the journal for appending and returns the records it already holds, oldest first.
    /// Read-only (a -WhatIf preview): a missing file is an empty journal, and nothing is created, repaired or appended.
    /// </summary>
    internal static JournalFile Open(string path, out List<JournalRecord> records, out bool tornLine, bool readOnly = false)
    {
        if (readOnly && !File.Exists(path))
        {
            records = new List<JournalRecord>();
            tornLine = false;
            return new JournalFile(null);
        }

        FileStream stream;
        try
        {
            stream = readOnly
                ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096)
                : new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.WriteThrough);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new GraphMailException(ErrorIds.JournalUnwritable, GraphMailErrorKind.PermissionDenied,
                $"The journal '{path}' cannot be opened for writing: {e.Message} Nothing was sent.",
                "Give a path in a folder you can write to, and make sure no other Send-GraphMail is using the file.", e).Targeting(path);
        }

        try
        {
            records = Read(path, stream, out tornLine);
            if (readOnly)
            {
                return new JournalFile(stream);
            }

            if (tornLine || (stream.Length > 0 && LastByte(stream) != (byte)'\n'))
            {
                // The next line starts on a line of its own, after the torn one.
                stream.Seek(0, SeekOrigin.End);
                stream.WriteByte((byte)'\n');
                stream.Flush(true);
            }

            stream.Seek(0, SeekOrigin.End);
            return new JournalFile(stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    internal void Append(JournalRecord record)
    {
        if (_stream is null || !_stream.CanWrite)
        {
            throw new InvalidOperationException("The journal was opened read-only (-WhatIf); nothing is written to it.");
        }

        var line = Encoding.UTF8.GetBytes(Serialize(record) + "\n");
        _stream.Write(line, 0, line.Length);
        _stream.Flush(true);
    }

    public void Dispose() => _stream?.Dispose();

    internal static string Serialize(JournalRecord record)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("at", record.At.UtcDateTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("key", record.Key);
            writer.WriteString("messageId", record.MessageId);
            writer.WriteString("status", record.Status.ToString());
            writer.WriteString("from", record.From);
            writer.WriteNumber("recipients", record.Recipients);
            if (record.DraftId is { } draftId)
            {
                writer.WriteString("draftId", draftId);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static JournalRecord? Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !Enum.TryParse<JournalStatus>(Text(root, "status"), ignoreCase: false, out var status) ||
                Text(root, "key") is not { } key || Text(root, "messageId") is not { } messageId ||
                !DateTimeOffset.TryParse(Text(root, "at"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
            {
                return null;
            }

            var recipients = root.TryGetProperty("recipients", out var count) && count.ValueKind == JsonValueKind.Number ? count.GetInt32() : 0;
            return new JournalRecord(key, messageId, status, Text(root, "from") ?? string.Empty, recipients, at, Text(root, "draftId"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<JournalRecord> Read(string path, FileStream stream, out bool tornLine)
    {
        tornLine = false;
        var records = new List<JournalRecord>();
        stream.Seek(0, SeekOrigin.Begin);
        var text = new StreamReader(stream, new UTF8Encoding(false), false, 4096, leaveOpen: true).ReadToEnd();
        var lines = text.Split('\n');
        var last = lines.Length - 1;
        while (last >= 0 && lines[last].Trim().Length == 0)
        {
            last--;
        }

        for (var i = 0; i <= last; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (Parse(line) is { } record)
            {
                records.Add(record);
            }
            else if (i == last)
            {
                tornLine = true;
            }
            else
            {
                throw new GraphMailException(ErrorIds.JournalUnreadable, GraphMailErrorKind.InvalidData,
                    $"Line {i + 1} of the journal '{path}' is not a GraphMail journal record; only the last line may be torn (by a crash). Nothing was sent.",
                    "Give the journal this command wrote before, or a new file; do not edit a journal by hand.").Targeting(path);
            }
        }

        return records;
    }

    private static byte LastByte(FileStream stream)
    {
        stream.Seek(-1, SeekOrigin.End);
        return (byte)stream.ReadByte();
    }
}
