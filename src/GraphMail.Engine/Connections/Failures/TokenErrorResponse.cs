using System;
using System.Globalization;
using System.Text.Json;

namespace GraphMail.Engine.Connections.Failures;

/// <summary>The parts of an Entra ID token error body GraphMail reports: error, first AADSTS code, trace and correlation ids.</summary>
internal sealed class TokenErrorResponse
{
    private TokenErrorResponse(string? error, int? code, string? description, string? traceId, string? correlationId)
    {
        Error = error;
        Code = code;
        TraceId = traceId;
        CorrelationId = correlationId;
        FirstLine = FirstLineOf(description);
    }

    internal string? Error { get; }

    internal int? Code { get; }

    /// <summary>The first line of error_description, without the trace and correlation ids that follow it.</summary>
    internal string? FirstLine { get; }

    internal string? TraceId { get; }

    internal string? CorrelationId { get; }

    internal static TokenErrorResponse Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new TokenErrorResponse(null, null, null, null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body!);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new TokenErrorResponse(null, null, null, null, null);
            }

            var description = Text(root, "error_description");
            return new TokenErrorResponse(Text(root, "error"), FirstCode(root) ?? CodeIn(description), description, Text(root, "trace_id"), Text(root, "correlation_id"));
        }
        catch (JsonException)
        {
            return new TokenErrorResponse(null, CodeIn(body), null, null, null);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? FirstCode(JsonElement root)
    {
        if (root.TryGetProperty("error_codes", out var codes) && codes.ValueKind == JsonValueKind.Array)
        {
            foreach (var code in codes.EnumerateArray())
            {
                if (code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out var number))
                {
                    return number;
                }
            }
        }

        return null;
    }

    /// <summary>"AADSTS7000215: ..." → 7000215.</summary>
    internal static int? CodeIn(string? text)
    {
        var at = text?.IndexOf("AADSTS", StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return null;
        }

        var start = at + 6;
        var end = start;
        while (end < text!.Length && char.IsDigit(text[end]))
        {
            end++;
        }

        return end > start && int.TryParse(text.Substring(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null;
    }

    private static string? FirstLineOf(string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return null;
        }

        var line = description!.Split(new[] { "\r\n", "\n" }, StringSplitOptions.None)[0];
        var trace = line.IndexOf(" Trace ID:", StringComparison.Ordinal);
        return (trace > 0 ? line.Substring(0, trace) : line).Trim();
    }
}
