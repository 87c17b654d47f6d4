using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using GraphMail.Sandbox.Mail;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Sandbox.Applications;

/// <summary>Directory objects as Graph v1.0 writes them (application, servicePrincipal, appRoleAssignment, credentials).</summary>
internal static class DirectoryJson
{
    internal static string Time(DateTimeOffset? time) =>
        time is { } value && value > DateTimeOffset.MinValue ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "2026-01-01T00:00:00Z";

    internal static SandboxResponse Entity(SandboxRequest request, int status, string entitySet, JsonObject entity) =>
        SandboxResponse.Json(status, WithContext($"{request.Origin}/v1.0/$metadata#{entitySet}/$entity", entity), GraphErrors.ContentType);

    /// <summary>The object with "@odata.context" as its first property, as Graph writes it.</summary>
    internal static JsonObject WithContext(string context, JsonObject body)
    {
        var result = new JsonObject { ["@odata.context"] = context };
        foreach (var (name, value) in body.ToList())
        {
            body.Remove(name);
            result[name] = value;
        }

        return result;
    }

    internal static SandboxResponse Collection(SandboxRequest request, string entitySet, IEnumerable<JsonObject> items) =>
        SandboxResponse.Json(200, new JsonObject
        {
            ["@odata.context"] = $"{request.Origin}/v1.0/$metadata#{entitySet}",
            ["value"] = new JsonArray(items.Select(i => (JsonNode)i).ToArray()),
        }, GraphErrors.ContentType);

    /// <param name="withKeys">keyCredentials carry their key only when $select names keyCredentials, as Graph does.</param>
    internal static JsonObject Application(AppRegistration app, string publisherDomain, bool withKeys) => new()
    {
        ["id"] = app.ObjectId.ToString(),
        ["appId"] = app.AppId,
        ["displayName"] = app.DisplayName,
        ["createdDateTime"] = Time(app.CreatedAt),
        ["isFallbackPublicClient"] = app.PublicClient,
        ["publisherDomain"] = publisherDomain,
        ["signInAudience"] = app.SignInAudience,
        ["identifierUris"] = new JsonArray(),
        ["keyCredentials"] = new JsonArray(app.KeyCredentials.Select(k => (JsonNode)KeyCredential(k, withKeys)).ToArray()),
        ["passwordCredentials"] = new JsonArray(app.PasswordCredentials.Select(p => (JsonNode)PasswordCredential(p, revealText: false)).ToArray()),
        ["requiredResourceAccess"] = new JsonArray(app.RequiredResourceAccess.Select(r => (JsonNode)new JsonObject
        {
            ["resourceAppId"] = r.ResourceAppId,
            ["resourceAccess"] = new JsonArray(r.ResourceAccess.Select(a => (JsonNode)new JsonObject { ["id"] = a.Id.ToString(), ["type"] = a.Type }).ToArray()),
        }).ToArray()),
        ["web"] = new JsonObject
        {
            ["redirectUris"] = new JsonArray(app.RedirectUris.Select(u => (JsonNode)JsonValue.Create(u)!).ToArray()),
            ["implicitGrantSettings"] = new JsonObject { ["enableAccessTokenIssuance"] = false, ["enableIdTokenIssuance"] = false },
        },
    };

    /// <summary>secretText only in addPassword's answer: Graph shows a secret once.</summary>
    internal static JsonObject PasswordCredential(PasswordCredentialEntry secret, bool revealText) => new()
    {
        ["customKeyIdentifier"] = null,
        ["displayName"] = secret.DisplayName,
        ["endDateTime"] = secret.EndDateTime is { } end ? Time(end) : null,
        ["hint"] = secret.Hint,
        ["keyId"] = secret.KeyId.ToString(),
        ["secretText"] = revealText ? secret.SecretText : null,
        ["startDateTime"] = Time(secret.StartDateTime),
    };

    internal static JsonObject KeyCredential(KeyCredentialEntry key, bool withKey) => new()
    {
        ["customKeyIdentifier"] = Convert.ToBase64String(key.Certificate.Certificate.GetCertHash()),
        ["displayName"] = key.DisplayName,
        ["endDateTime"] = Time(key.Certificate.EndDateTime),
        ["key"] = withKey ? key.KeyBase64 : null,
        ["keyId"] = key.KeyId.ToString(),
        ["startDateTime"] = Time(key.Certificate.StartDateTime),
        ["type"] = "AsymmetricX509Cert",
        ["usage"] = "Verify",
    };

    internal static JsonObject ServicePrincipal(ServicePrincipalEntry principal, Guid appOwnerTenant) => new()
    {
        ["id"] = principal.ObjectId.ToString(),
        ["accountEnabled"] = true,
        ["appId"] = principal.AppId,
        ["appDisplayName"] = principal.DisplayName,
        ["appOwnerOrganizationId"] = appOwnerTenant.ToString(),
        ["displayName"] = principal.DisplayName,
        ["servicePrincipalType"] = "Application",
        ["appRoles"] = new JsonArray(principal.AppRoles.Select(r => (JsonNode)new JsonObject
        {
            ["allowedMemberTypes"] = new JsonArray("Application"),
            ["description"] = r.Value,
            ["displayName"] = r.Value,
            ["id"] = r.Id.ToString(),
            ["isEnabled"] = true,
            ["origin"] = "Application",
            ["value"] = r.Value,
        }).ToArray()),
    };

    internal static JsonObject AppRoleAssignment(AppRoleAssignmentEntry assignment) => new()
    {
        ["id"] = assignment.Id,
        ["deletedDateTime"] = null,
        ["appRoleId"] = assignment.AppRoleId.ToString(),
        ["createdDateTime"] = Time(assignment.CreatedDateTime),
        ["principalDisplayName"] = assignment.PrincipalDisplayName,
        ["principalId"] = assignment.PrincipalId.ToString(),
        ["principalType"] = "ServicePrincipal",
        ["resourceDisplayName"] = assignment.ResourceDisplayName,
        ["resourceId"] = assignment.ResourceId.ToString(),
    };
}
