using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace GraphMail.Engine.Connections.Tokens;

/// <summary>
/// Reads the claims GraphMail shows from a JWT's payload without validating the token: Graph does that. A token
/// that is not a JWT gives empty details rather than an error, and no error ever quotes the token.
/// </summary>
internal static class JwtClaims
{
    internal static AccessTokenDetails Read(string token, DateTimeOffset expiresOn)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || Decode(parts[1]) is not { } payload)
        {
            return new AccessTokenDetails(expiresOn, null, null, null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new AccessTokenDetails(expiresOn, null, null, null, null);
            }

            return new AccessTokenDetails(expiresOn, Roles(root), Text(root, "tid"), Text(root, "appid") ?? Text(root, "azp"), Text(root, "idtyp"), Text(root, "oid"));
        }
        catch (JsonException)
        {
            return new AccessTokenDetails(expiresOn, null, null, null, null);
        }
    }

    private static byte[]? Decode(string base64Url)
    {
        var text = new StringBuilder(base64Url.Replace('-', '+').Replace('_', '/'));
        text.Append('=', (4 - (text.Length % 4)) % 4);
        try
        {
            return Convert.FromBase64String(text.ToString());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string[] Roles(JsonElement root)
    {
        var roles = new List<string>();
        if (root.TryGetProperty("roles", out var value) && value.ValueKind == JsonValueKind.Array)
        {
            foreach (var role in value.EnumerateArray())
            {
                if (role.ValueKind == JsonValueKind.String && role.GetString() is { Length: > 0 } name)
                {
                    roles.Add(name);
                }
            }
        }

        return roles.ToArray();
    }
}
