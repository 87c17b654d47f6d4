using System.Text.Json;
using System.Text.Json.Nodes;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Sandbox.Mail;

/// <summary>Reads a Graph request body as JSON whose property names match case-insensitively (the Graph SDK sends PascalCase keys).</summary>
internal static class JsonBody
{
    private static readonly JsonNodeOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    internal static JsonObject? Read(SandboxRequest request, out SandboxResponse? error)
    {
        error = null;
        if (request.Body.Length == 0)
        {
            error = GraphErrors.BadRequest(request, "BadRequest", "Empty Payload. JSON content expected.");
            return null;
        }

        try
        {
            if (JsonNode.Parse(request.Body, CaseInsensitive) is JsonObject body)
            {
                return body;
            }
        }
        catch (JsonException)
        {
        }

        error = GraphErrors.BadRequest(request, "BadRequest",
            "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
        return null;
    }

    internal const string NotABoolean = "Cannot convert the literal to the expected type 'Edm.Boolean'.";

    /// <summary>
    /// A boolean given as JSON true/false or as the strings "true"/"false" (the docs' own sample sends a string);
    /// value null when absent; false when it is neither.
    /// </summary>
    internal static bool TryReadBoolean(JsonNode? node, out bool? value)
    {
        value = node switch
        {
            null => null,
            JsonValue json when json.TryGetValue(out bool flag) => flag,
            JsonValue json when json.TryGetValue(out string? text) && bool.TryParse(text, out var parsed) => parsed,
            _ => null,
        };
        return node is null || value is not null;
    }

    /// <summary>TryReadBoolean with a default, or null and the 400 Graph answers.</summary>
    internal static bool? ReadBoolean(SandboxRequest request, JsonNode? node, bool fallback, out SandboxResponse? error)
    {
        error = TryReadBoolean(node, out var value) ? null : GraphErrors.BadRequest(request, "RequestBodyRead", NotABoolean);
        return error is null ? value ?? fallback : null;
    }

    internal static string? ReadString(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
