using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GraphMail.Tests.Infrastructure;

/// <summary>Reads JWTs the sandbox issues and writes client assertions by hand (for the RS256 profile and broken ones).</summary>
internal static class SandboxJwt
{
    internal static JsonElement Header(string token) => Decode(token.Split('.')[0]);

    internal static JsonElement Payload(string token) => Decode(token.Split('.')[1]);

    /// <summary>A client assertion signed with the certificate's key: RS256 + x5t (SHA-1) or PS256 + x5t#S256.</summary>
    internal static string ClientAssertion(
        X509Certificate2 certificate, string clientId, string audience, string algorithm = "RS256",
        DateTimeOffset? notBefore = null, DateTimeOffset? expires = null, bool datesAsStrings = false, string? issuer = null)
    {
        var now = DateTimeOffset.UtcNow;
        var header = new JsonObject { ["alg"] = algorithm, ["typ"] = "JWT" };
        if (algorithm == "PS256")
        {
            header["x5t#S256"] = Base64Url(certificate.GetCertHash(HashAlgorithmName.SHA256));
        }
        else
        {
            header["x5t"] = Base64Url(certificate.GetCertHash(HashAlgorithmName.SHA1));
        }

        JsonNode Date(DateTimeOffset time) => datesAsStrings ? JsonValue.Create(time.ToUnixTimeSeconds().ToString())! : JsonValue.Create(time.ToUnixTimeSeconds())!;
        var payload = new JsonObject
        {
            ["aud"] = audience,
            ["iss"] = issuer ?? clientId,
            ["sub"] = clientId,
            ["jti"] = Guid.NewGuid().ToString(),
            ["nbf"] = Date(notBefore ?? now),
            ["exp"] = Date(expires ?? now.AddMinutes(10)),
        };
        var signingInput = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        using var key = certificate.GetRSAPrivateKey()!;
        var padding = algorithm == "PS256" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        return signingInput + "." + Base64Url(key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, padding));
    }

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static JsonElement Decode(string part)
    {
        var base64 = part.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Convert.FromBase64String(base64)).RootElement.Clone();
    }
}
