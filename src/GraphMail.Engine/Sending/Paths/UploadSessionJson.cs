using System;
using System.Text.Json;

namespace GraphMail.Engine.Sending.Paths;

/// <summary>The few values the draft path reads from Graph's answers (draft, upload session, a draft's attachments), matched case-insensitively.</summary>
internal static class UploadSessionJson
{
    /// <summary>"id" of a created draft, or "uploadUrl" of an upload session.</summary>
    internal static string? String(string? json, string name)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json!);
            return Find(document.RootElement, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The start of the first of nextExpectedRanges ("2097152-" or "2097152-4194303"); null when none is given.</summary>
    internal static long? NextExpectedStart(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json!);
            if (Find(document.RootElement, "nextExpectedRanges") is not { ValueKind: JsonValueKind.Array } ranges || ranges.GetArrayLength() == 0)
            {
                return null;
            }

            var first = ranges[0].GetString() ?? string.Empty;
            var dash = first.IndexOf('-');
            var start = dash >= 0 ? first.Substring(0, dash) : first;
            return long.TryParse(start, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>How many of a message's expanded attachments carry this name and at least this size; null when the JSON lists none.</summary>
    internal static int? CountAttachments(string? json, string name, long minimumSize)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json!);
            if (Find(document.RootElement, "attachments") is not { ValueKind: JsonValueKind.Array } attachments)
            {
                return null;
            }

            var count = 0;
            foreach (var attachment in attachments.EnumerateArray())
            {
                if (Find(attachment, "name") is { ValueKind: JsonValueKind.String } n && n.GetString() == name &&
                    Find(attachment, "size") is { ValueKind: JsonValueKind.Number } size && size.TryGetInt64(out var bytes) && bytes >= minimumSize)
                {
                    count++;
                }
            }

            return count;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Find(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
