using System;
using System.Security.Cryptography;
using GraphMail.Sandbox.Seed;

namespace GraphMail.Sandbox.Identity;

internal sealed record TokenValidation(GraphCaller? Caller, string? Failure)
{
    internal static TokenValidation Fail(string message) => new(null, message);
}

/// <summary>Checks a Graph bearer token the way Graph does: signature, audience, issuer, lifetime.</summary>
internal sealed class AccessTokenValidator(SigningKeys keys, IssuedTokens issued, SandboxDirectory directory, TimeProvider clock)
{
    internal const string ExpiredMessage = "Lifetime validation failed, the token is expired.";

    internal TokenValidation Validate(string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return TokenValidation.Fail("Access token is empty.");
        }

        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return TokenValidation.Fail("Access token validation failure. Invalid authorization scheme.");
        }

        var jwt = JsonWebToken.TryParse(authorization["Bearer ".Length..].Trim());
        if (jwt is null)
        {
            return TokenValidation.Fail("IDX14100: JWT is not well formed, there are no dots (.).");
        }

        if (jwt.HeaderString("alg") != "RS256" || jwt.HeaderString("kid") != keys.KeyId ||
            !keys.Key.VerifyData(jwt.SigningInput, jwt.Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return TokenValidation.Fail("Access token validation failure. Invalid signature.");
        }

        if (!GraphResource.IsAcceptedAudience(jwt.ClaimString("aud")))
        {
            return TokenValidation.Fail("Access token validation failure. Invalid audience.");
        }

        var tenantId = jwt.ClaimString("tid");
        if (tenantId is null || directory.FindTenant(tenantId) is not { } tenant || jwt.ClaimString("iss") != AccessTokenIssuer.IssuerFor(tenant.Id))
        {
            return TokenValidation.Fail("Access token validation failure. Invalid issuer.");
        }

        var now = clock.GetUtcNow();
        if (jwt.ClaimTime("exp") is not { } expires || expires <= now || jwt.ClaimString("uti") is not { } uti || !issued.IsLive(uti))
        {
            return TokenValidation.Fail(ExpiredMessage);
        }

        if (jwt.ClaimTime("nbf") is { } notBefore && notBefore > now.AddMinutes(5))
        {
            return TokenValidation.Fail("Lifetime validation failed, the token is not yet valid.");
        }

        var appId = jwt.ClaimString("appid") ?? "";
        var scopes = (jwt.ClaimString("scp") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new TokenValidation(new GraphCaller(tenant.Id, appId, jwt.ClaimString("oid"), jwt.ClaimStrings("roles"))
        {
            Scopes = scopes,
            IsUser = jwt.ClaimString("idtyp") == "user",
        }, null);
    }
}
