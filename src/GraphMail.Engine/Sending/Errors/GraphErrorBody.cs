using System;
using System.Text.Json;

namespace GraphMail.Engine.Sending.Errors;

/// <summary>Graph's error envelope: {"error":{"code","message","innerError":{"request-id","client-request-id"}}}.</summary>
public sealed class GraphErrorBody
{
    private GraphErrorBody(string? code, string? message, string? requestId)
    {
        Code = code;
        Message = message;
        RequestId = requestId;
    }

    public string? Code { get; }

    public string? Message { get; }

    /// <summary>innerError.request-id, for when the response had no request-id header.</summary>
    public string? RequestId { get; }

    public static GraphErrorBody Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new GraphErrorBody(null, null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(json!);
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !TryGet(document.RootElement, "error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return new GraphErrorBody(null, null, null);
            }

            string? requestId = null;
            if (TryGet(error, "innerError", out var inner) && inner.ValueKind == JsonValueKind.Object)
            {
                requestId = String(inner, "request-id");
            }

            return new GraphErrorBody(String(error, "code"), String(error, "message"), requestId);
        }
        catch (JsonException)
        {
            return new GraphErrorBody(null, null, null);
        }
    }

    private static string? String(JsonElement element, string name) =>
        TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
