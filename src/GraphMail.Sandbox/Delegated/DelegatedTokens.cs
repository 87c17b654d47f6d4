using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GraphMail.Sandbox.Hosting;
using GraphMail.Sandbox.Identity;
using GraphMail.Sandbox.Routing;
using GraphMail.Sandbox.Seed;

namespace GraphMail.Sandbox.Delegated;

/// <summary>
/// The answer to a successful delegated grant (device code or refresh token): a v1 Graph access token for the user
/// (scp, idtyp user, oid/upn, wids), and as the scopes ask, an id_token (openid), a refresh token (offline_access),
/// and client_info when the client asks for it (MSAL does), as Entra ID answers.
/// </summary>
internal static class DelegatedTokens
{
    /// <summary>Role template ids for the wids claim (Entra ID's built-in roles).</summary>
    private static readonly Dictionary<string, string> RoleTemplates = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Global Administrator"] = "62e90394-69f5-4237-9190-012177145e10",
        ["Application Administrator"] = "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
        ["Cloud Application Administrator"] = "158c047a-c907-4556-b7ef-446551a6b5f7",
        ["Privileged Role Administrator"] = "e8611ab8-c189-46e8-94e1-60213ab1f814",
    };

    internal static SandboxResponse Issue(SandboxState state, SandboxRequest request, DirectoryTenant tenant, SeedUser user, string clientId, string clientName, DelegatedScopes scopes, bool clientInfo)
    {
        var issuer = AccessTokenIssuer.IssuerFor(tenant.Id);
        var payload = new JsonObject
        {
            ["aud"] = GraphResource.Audience,
            ["iss"] = issuer,
            ["acr"] = "1",
            ["aio"] = Base64Url.Encode(RandomNumberGenerator.GetBytes(24)),
            ["amr"] = new JsonArray("pwd", "mfa"),
            ["app_displayname"] = clientName,
            ["appid"] = clientId,
            ["appidacr"] = "0",
            ["idp"] = issuer,
            ["idtyp"] = "user",
            ["ipaddr"] = "127.0.0.1",
            ["name"] = user.DisplayName,
            ["oid"] = user.Id.ToString(),
            ["rh"] = "0.sandbox.",
            ["scp"] = string.Join(" ", scopes.Graph),
            ["sub"] = Base64Url.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(user.Id + "|" + clientId))),
            ["tenant_region_scope"] = tenant.Seed.RegionScope,
            ["tid"] = tenant.Id.ToString(),
            ["unique_name"] = user.UserPrincipalName,
            ["upn"] = user.UserPrincipalName,
            ["wids"] = new JsonArray(user.DirectoryRoles.Where(RoleTemplates.ContainsKey).Select(r => (JsonNode)JsonValue.Create(RoleTemplates[r])!).ToArray()),
        };
        var lifetime = state.Settings.TokenLifetimeSeconds;
        var token = state.TokenIssuer.Sign(payload, state.Clock.GetUtcNow(), lifetime);
        var answer = new JsonObject
        {
            ["token_type"] = "Bearer",
            ["scope"] = string.Join(" ", scopes.Requested),
            ["expires_in"] = token.ExpiresIn,
            ["ext_expires_in"] = token.ExpiresIn,
            ["access_token"] = token.AccessToken,
        };
        if (scopes.WantsRefreshToken)
        {
            answer["refresh_token"] = state.RefreshTokens.Issue(new RefreshGrant(tenant.Id, clientId, user.UserPrincipalName, string.Join(" ", scopes.Requested)));
        }

        if (scopes.WantsIdToken)
        {
            answer["id_token"] = IdToken(state, request, tenant, user, clientId, token.IssuedAt, token.ExpiresOn);
        }

        if (clientInfo)
        {
            answer["client_info"] = Base64Url.Encode(Encoding.UTF8.GetBytes(new JsonObject { ["uid"] = user.Id.ToString(), ["utid"] = tenant.Id.ToString() }.ToJsonString()));
        }

        return SandboxResponse.Json(200, answer);
    }

    private static string IdToken(SandboxState state, SandboxRequest request, DirectoryTenant tenant, SeedUser user, string clientId, DateTimeOffset issuedAt, DateTimeOffset expiresOn)
    {
        var header = new JsonObject { ["typ"] = "JWT", ["alg"] = "RS256", ["kid"] = state.SigningKeys.KeyId };
        var payload = new JsonObject
        {
            ["aud"] = clientId,
            ["iss"] = $"{request.Origin}/{tenant.Id}/v2.0",
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["nbf"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = expiresOn.ToUnixTimeSeconds(),
            ["name"] = user.DisplayName,
            ["oid"] = user.Id.ToString(),
            ["preferred_username"] = user.UserPrincipalName,
            ["sub"] = Base64Url.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(user.Id + "|" + clientId))),
            ["tid"] = tenant.Id.ToString(),
            ["ver"] = "2.0",
        };
        return JsonWebToken.Sign(header, payload, state.SigningKeys.Key);
    }
}
