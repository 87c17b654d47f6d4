using System;
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

    /// <summary>A boolean given as JSON true/false or as the strings "true"/"false" (the docs' own sample sends a string).</summary>
    internal static bool? ReadFlexibleBool(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out bool flag) => flag,
        JsonValue value when value.TryGetValue(out string? text) && bool.TryParse(text, out var parsed) => parsed,
        _ => throw new FormatException(),
    };

    internal static string? ReadString(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
