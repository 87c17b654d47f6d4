using System.Text.Json;

namespace GraphMail.Engine.Consent.Discovery;

/// <summary>The parts of an Entra ID error body a message needs: the AADSTS code, the first line of the description, the ids.</summary>
internal sealed class ServiceError
{
    private ServiceError(string error, string? code, string description, string? traceId, string? correlationId)
    {
        Error = error;
        Code = code;
        Description = description;
        TraceId = traceId;
        CorrelationId = correlationId;
    }

    internal string Error { get; }

    /// <summary>AADSTS90002 and the like; null when the body names none.</summary>
    internal string? Code { get; }

    /// <summary>The first line of error_description (the rest is trace and correlation ids and a timestamp).</summary>
    internal string Description { get; }

    internal string? TraceId { get; }

    internal string? CorrelationId { get; }

    internal bool IsTenantNotFound => Code == "AADSTS90002" || Error == "invalid_tenant";

    internal static ServiceError Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                var description = Text(root, "error_description") ?? string.Empty;
                var code = AadstsText.CodeIn(description);
                return new ServiceError(Text(root, "error") ?? string.Empty, code.Length > 0 ? code : null, AadstsText.FirstLine(description), Text(root, "trace_id"), Text(root, "correlation_id"));
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): only the status code speaks.
        }

        return new ServiceError(string.Empty, null, string.Empty, null, null);
    }

    private static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
