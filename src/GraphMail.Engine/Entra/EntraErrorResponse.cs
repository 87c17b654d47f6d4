using System;
using System.Globalization;
using System.Text.Json;

namespace GraphMail.Engine.Entra;

/// <summary>
/// The parts of an Entra ID error body GraphMail reports (token endpoint, OpenID discovery, consent answers): error,
/// first AADSTS code, the description's first line, trace and correlation ids.
/// </summary>
internal sealed class EntraErrorResponse
{
    private EntraErrorResponse(string? error, int? code, string? description, string? traceId, string? correlationId)
    {
        Error = error;
        Code = code;
        TraceId = traceId;
        CorrelationId = correlationId;
        FirstLine = FirstLineOf(description);
    }

    internal string? Error { get; }

    internal int? Code { get; }

    /// <summary>The code as Entra ID writes it, AADSTS90002; null when there is none.</summary>
    internal string? CodeText => Text(Code);

    /// <summary>The first line of error_description, without the trace and correlation ids that follow it.</summary>
    internal string? FirstLine { get; }

    internal string? TraceId { get; }

    internal string? CorrelationId { get; }

    internal static EntraErrorResponse Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new EntraErrorResponse(null, null, null, null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body!);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new EntraErrorResponse(null, null, null, null, null);
            }

            var description = Text(root, "error_description");
            return new EntraErrorResponse(Text(root, "error"), FirstCode(root) ?? CodeIn(description), description, Text(root, "trace_id"), Text(root, "correlation_id"));
        }
        catch (JsonException)
        {
            return new EntraErrorResponse(null, CodeIn(body), null, null, null);
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

    /// <summary>7000215 → "AADSTS7000215".</summary>
    internal static string? Text(int? code) => code is { } c ? "AADSTS" + c.ToString(CultureInfo.InvariantCulture) : null;

    internal static string? FirstLineOf(string? description)
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
