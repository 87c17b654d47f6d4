using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace GraphMail.Sandbox.Identity;

/// <summary>What a token is issued for: an app's service principal or a managed identity.</summary>
internal sealed record TokenSubject(Guid TenantId, string RegionScope, string AppId, string DisplayName, Guid ObjectId, IReadOnlyList<string> Roles, string AppIdAcr);

internal sealed record IssuedToken(string AccessToken, DateTimeOffset IssuedAt, DateTimeOffset ExpiresOn, int ExpiresIn);

/// <summary>Mints v1-shaped Graph app-only access tokens, signed RS256 with the sandbox's key.</summary>
internal sealed class AccessTokenIssuer(SigningKeys keys, IssuedTokens issued, TimeProvider clock)
{
    internal static string IssuerFor(Guid tenantId) => $"https://sts.windows.net/{tenantId}/";

    internal IssuedToken Issue(TokenSubject subject, int lifetimeSeconds)
    {
        var now = clock.GetUtcNow();
        var issuer = IssuerFor(subject.TenantId);
        var payload = new JsonObject
        {
            ["aud"] = GraphResource.Audience,
            ["iss"] = issuer,
            ["aio"] = Base64Url.Encode(RandomNumberGenerator.GetBytes(24)),
            ["app_displayname"] = subject.DisplayName,
            ["appid"] = subject.AppId,
            ["appidacr"] = subject.AppIdAcr,
            ["idp"] = issuer,
            ["idtyp"] = "app",
        };

        // Entra leaves roles, oid and sub out of a token for an app nobody consented to.
        if (subject.Roles.Count > 0)
        {
            payload["oid"] = subject.ObjectId.ToString();
            payload["roles"] = new JsonArray(subject.Roles.Select(r => (JsonNode)JsonValue.Create(r)!).ToArray());
            payload["sub"] = subject.ObjectId.ToString();
        }

        payload["rh"] = "0.sandbox.";
        payload["tenant_region_scope"] = subject.RegionScope;
        payload["tid"] = subject.TenantId.ToString();
        return Sign(payload, now, lifetimeSeconds);
    }

    /// <summary>Stamps the lifetime, uti and version on a Graph token's claims and signs it; the token counts as issued.</summary>
    internal IssuedToken Sign(JsonObject payload, DateTimeOffset now, int lifetimeSeconds)
    {
        var expires = now.AddSeconds(lifetimeSeconds);
        var uti = Base64Url.Encode(RandomNumberGenerator.GetBytes(16));
        payload["iat"] = now.ToUnixTimeSeconds();
        payload["nbf"] = now.ToUnixTimeSeconds();
        payload["exp"] = expires.ToUnixTimeSeconds();
        payload["uti"] = uti;
        payload["ver"] = "1.0";
        payload["xms_tcdt"] = 1_600_000_000;
        var header = new JsonObject { ["typ"] = "JWT", ["alg"] = "RS256", ["x5t"] = keys.KeyId, ["kid"] = keys.KeyId };
        var token = JsonWebToken.Sign(header, payload, keys.Key);
        issued.Add(uti);
        return new IssuedToken(token, now, expires, lifetimeSeconds);
    }
}
