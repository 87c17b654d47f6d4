using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace GraphMail.Sandbox.Identity;

/// <summary>The key the sandbox signs access tokens with, published as a JWKS. New for every sandbox start.</summary>
internal sealed class SigningKeys : IDisposable
{
    internal SigningKeys()
    {
        Key = RSA.Create(2048);
        var request = new CertificateRequest("CN=GraphMail.Sandbox token signing", Key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        Certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        KeyId = Base64Url.Encode(Certificate.GetCertHash(HashAlgorithmName.SHA1));
    }

    internal RSA Key { get; }

    internal X509Certificate2 Certificate { get; }

    /// <summary>kid and x5t: base64url SHA-1 of the signing certificate, as Entra's v1 tokens carry.</summary>
    internal string KeyId { get; }

    internal JsonObject ToJwks(string issuer)
    {
        var parameters = Key.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = KeyId,
                ["x5t"] = KeyId,
                ["n"] = Base64Url.Encode(parameters.Modulus),
                ["e"] = Base64Url.Encode(parameters.Exponent),
                ["x5c"] = new JsonArray(Convert.ToBase64String(Certificate.RawData)),
                ["issuer"] = issuer,
            }),
        };
    }

    public void Dispose()
    {
        Certificate.Dispose();
        Key.Dispose();
    }
}
