using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GraphMail.Sandbox.Identity;

/// <summary>A compact JWS split into its parts; claims read leniently (numeric dates may be JSON strings, as MSAL sends them).</summary>
internal sealed class JsonWebToken
{
    private JsonWebToken(JsonElement header, JsonElement payload, byte[] signingInput, byte[] signature)
    {
        Header = header;
        Payload = payload;
        SigningInput = signingInput;
        Signature = signature;
    }

    internal JsonElement Header { get; }

    internal JsonElement Payload { get; }

    internal byte[] SigningInput { get; }

    internal byte[] Signature { get; }

    internal static JsonWebToken? TryParse(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 } ||
            !Base64Url.TryDecode(parts[0], out var header) ||
            !Base64Url.TryDecode(parts[1], out var payload) ||
            !Base64Url.TryDecode(parts[2], out var signature))
        {
            return null;
        }

        try
        {
            var headerElement = JsonDocument.Parse(header).RootElement;
            var payloadElement = JsonDocument.Parse(payload).RootElement;
            if (headerElement.ValueKind != JsonValueKind.Object || payloadElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return new JsonWebToken(headerElement, payloadElement, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string Sign(JsonObject header, JsonObject payload, RSA key)
    {
        var signingInput = Base64Url.Encode(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." +
                           Base64Url.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.Encode(signature);
    }

    internal string? HeaderString(string name) => ReadString(Header, name);

    internal string? ClaimString(string name) => ReadString(Payload, name);

    internal string[] ClaimStrings(string name) =>
        Payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray()
            : [];

    /// <summary>A NumericDate claim as a number or a string of digits.</summary>
    internal DateTimeOffset? ClaimTime(string name)
    {
        if (!Payload.TryGetProperty(name, out var value))
        {
            return null;
        }

        long seconds;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out seconds))
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return value.ValueKind == JsonValueKind.String &&
               long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
