using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GraphMail.Sandbox.Hosting;
using GraphMail.Sandbox.Mail;
using GraphMail.Sandbox.Routing;
using GraphMail.Sandbox.Seed;

namespace GraphMail.Sandbox.Applications;

/// <summary>
/// /v1.0/applications: list (with $filter on appId or displayName), create, get, update, delete, addPassword and
/// removePassword, addressed by object id or by (appId='...'), in the caller's tenant.
/// </summary>
internal sealed class ApplicationEndpoints(SandboxState state)
{
    private const string EntitySet = "applications";
    private static readonly string[] Audiences = ["AzureADMyOrg", "AzureADMultipleOrgs", "AzureADandPersonalMicrosoftAccount", "PersonalMicrosoftAccount"];

    private DirectoryStore Store => state.DirectoryObjects;

    internal Task<SandboxResponse> ListAsync(SandboxRequest request) => Run(request, DirectoryAction.Read, () =>
    {
        var tenant = DirectoryAccess.CallerTenant(state, request);
        var filter = request.QueryValue("$filter");
        ODataFilter? parsed = null;
        if (filter is not null && (parsed = ODataFilter.TryParse(filter, out var unsupported)) is null)
        {
            return DirectoryErrors.UnsupportedFilter(request, unsupported!, "application");
        }

        var withKeys = Selects(request, "keyCredentials");
        var apps = Store.Applications(tenant.Id).Where(a => parsed is null || parsed.Matches(parsed.Property switch
        {
            "appId" => a.AppId,
            "displayName" => a.DisplayName,
            _ => a.ObjectId.ToString(),
        }));
        return DirectoryJson.Collection(request, EntitySet, apps.Select(a => DirectoryJson.Application(a, tenant.Seed.Domains[0], withKeys)).ToList());
    });

    internal Task<SandboxResponse> GetAsync(SandboxRequest request) => WithApplication(request, DirectoryAction.Read, (app, tenant) =>
        DirectoryJson.Entity(request, 200, EntitySet, DirectoryJson.Application(app, tenant.Seed.Domains[0], Selects(request, "keyCredentials"))));

    internal Task<SandboxResponse> CreateAsync(SandboxRequest request) => Run(request, DirectoryAction.ManageApplications, () =>
    {
        var body = JsonBody.Read(request, out var error);
        if (body is null)
        {
            return error!;
        }

        var displayName = JsonBody.ReadString(body["displayName"]);
        if (string.IsNullOrWhiteSpace(displayName))
        {
            return DirectoryErrors.BadRequest(request, "Property 'displayName' is required.");
        }

        var tenant = DirectoryAccess.CallerTenant(state, request);
        var app = new AppRegistration
        {
            ObjectId = Guid.NewGuid(),
            AppId = Guid.NewGuid().ToString(),
            HomeTenantId = tenant.Id,
            DisplayName = displayName,
            Replication = NewReplication(),
        };
        var problem = Apply(request, app, body);
        if (problem is not null)
        {
            return problem;
        }

        Store.AddApplication(app);
        return DirectoryJson.Entity(request, 201, EntitySet, DirectoryJson.Application(app, tenant.Seed.Domains[0], withKeys: false));
    });

    internal Task<SandboxResponse> UpdateAsync(SandboxRequest request) => WithApplication(request, DirectoryAction.ManageApplications, (app, _) =>
    {
        var body = JsonBody.Read(request, out var error);
        if (body is null)
        {
            return error!;
        }

        if (body.ContainsKey("passwordCredentials"))
        {
            return DirectoryErrors.BadRequest(request, "Property 'passwordCredentials' is read-only and cannot be set: use addPassword and removePassword.");
        }

        return Apply(request, app, body) ?? SandboxResponse.Empty(204);
    });

    internal Task<SandboxResponse> DeleteAsync(SandboxRequest request) => WithApplication(request, DirectoryAction.ManageApplications, (app, _) =>
    {
        Store.DeleteApplication(app);
        return SandboxResponse.Empty(204);
    });

    internal Task<SandboxResponse> AddPasswordAsync(SandboxRequest request) => WithApplication(request, DirectoryAction.ManageApplications, (app, _) =>
    {
        var credential = (request.Body.Length == 0 ? null : JsonBody.Read(request, out var _))?["passwordCredential"] as JsonObject;
        var now = state.Clock.GetUtcNow();
        var start = ReadTime(credential?["startDateTime"]) ?? now;
        var secret = new PasswordCredentialEntry(
            Guid.NewGuid(),
            JsonBody.ReadString(credential?["displayName"]) ?? "",
            NewSecretText(),
            start,
            ReadTime(credential?["endDateTime"]) ?? start.AddYears(2),
            NewReplication());
        app.PasswordCredentials.Add(secret);
        return SandboxResponse.Json(200, WithContext(request, DirectoryJson.PasswordCredential(secret, revealText: true), "microsoft.graph.passwordCredential"), GraphErrors.ContentType);
    });

    internal Task<SandboxResponse> RemovePasswordAsync(SandboxRequest request) => WithApplication(request, DirectoryAction.ManageApplications, (app, _) =>
    {
        var body = JsonBody.Read(request, out var error);
        if (body is null)
        {
            return error!;
        }

        var keyId = Guid.TryParse(JsonBody.ReadString(body["keyId"]), out var parsed) ? parsed : (Guid?)null;
        var removed = keyId is not null && app.PasswordCredentials.RemoveAll(p => p.KeyId == keyId) > 0;
        return removed ? SandboxResponse.Empty(204) : DirectoryErrors.BadRequest(request, $"No password credential with keyId '{JsonBody.ReadString(body["keyId"])}' was found.");
    });

    /// <summary>Sets what the body gives: displayName, signInAudience, isFallbackPublicClient, web.redirectUris, requiredResourceAccess, keyCredentials.</summary>
    private SandboxResponse? Apply(SandboxRequest request, AppRegistration app, JsonObject body)
    {
        if (JsonBody.ReadString(body["signInAudience"]) is { } audience)
        {
            if (!Audiences.Contains(audience, StringComparer.OrdinalIgnoreCase))
            {
                return DirectoryErrors.BadRequest(request, $"Invalid value specified for property 'signInAudience' of resource 'Application': '{audience}'.");
            }

            app.SignInAudience = Audiences.First(a => a.Equals(audience, StringComparison.OrdinalIgnoreCase));
        }

        if (JsonBody.ReadString(body["displayName"]) is { Length: > 0 } name)
        {
            app.DisplayName = name;
        }

        if (body["isFallbackPublicClient"] is JsonValue publicClient && publicClient.TryGetValue(out bool isPublic))
        {
            app.PublicClient = isPublic;
        }

        if (body["web"]?["redirectUris"] is JsonArray redirects)
        {
            var uris = redirects.Select(JsonBody.ReadString).ToList();
            if (uris.Any(u => u is null || !Uri.TryCreate(u, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && !parsed.IsLoopback)))
            {
                return DirectoryErrors.BadRequest(request, "Invalid value specified for property 'redirectUris' of resource 'Application': a redirect URI must be an absolute https URL (http only for localhost).");
            }

            app.RedirectUris = uris.Select(u => u!).ToList();
        }

        if (body["requiredResourceAccess"] is JsonArray required)
        {
            var parsed = ParseRequiredResourceAccess(required);
            if (parsed is null)
            {
                return DirectoryErrors.BadRequest(request, "Invalid value specified for property 'requiredResourceAccess' of resource 'Application'.");
            }

            app.RequiredResourceAccess = parsed;
        }

        if (body["keyCredentials"] is JsonArray keys)
        {
            var parsed = ParseKeyCredentials(request, keys, app);
            if (parsed.Error is not null)
            {
                return parsed.Error;
            }

            app.KeyCredentials = parsed.Keys!;
        }

        return null;
    }

    private static List<RequiredResource>? ParseRequiredResourceAccess(JsonArray required)
    {
        var result = new List<RequiredResource>();
        foreach (var entry in required.OfType<JsonObject>())
        {
            var resourceAppId = JsonBody.ReadString(entry["resourceAppId"]);
            var access = (entry["resourceAccess"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(a => (Id: Guid.TryParse(JsonBody.ReadString(a["id"]), out var id) ? id : Guid.Empty, Type: JsonBody.ReadString(a["type"]) ?? ""))
                .ToList();
            if (resourceAppId is null || access.Any(a => a.Id == Guid.Empty || (a.Type != "Role" && a.Type != "Scope")))
            {
                return null;
            }

            result.Add(new RequiredResource(resourceAppId, access));
        }

        return result;
    }

    /// <summary>PATCH replaces the whole collection; every entry must carry its key (a certificate's base64 DER).</summary>
    private (List<KeyCredentialEntry>? Keys, SandboxResponse? Error) ParseKeyCredentials(SandboxRequest request, JsonArray keys, AppRegistration app)
    {
        var result = new List<KeyCredentialEntry>();
        foreach (var entry in keys.OfType<JsonObject>())
        {
            var key = JsonBody.ReadString(entry["key"]);
            var type = JsonBody.ReadString(entry["type"]);
            var usage = JsonBody.ReadString(entry["usage"]);
            if (key is null || type != "AsymmetricX509Cert" || usage != "Verify")
            {
                return (null, DirectoryErrors.BadRequest(request,
                    "Invalid value specified for property 'keyCredentials' of resource 'Application': each key needs its key (base64 DER certificate), type AsymmetricX509Cert and usage Verify."));
            }

            RegisteredCertificate certificate;
            try
            {
                certificate = new RegisteredCertificate(new SeedCertificate { Certificate = key, EndDateTime = ReadTime(entry["endDateTime"]) });
            }
            catch (System.IO.InvalidDataException)
            {
                return (null, DirectoryErrors.BadRequest(request, "Invalid value specified for property 'keyCredentials' of resource 'Application': the key is not a certificate."));
            }

            var keyId = Guid.TryParse(JsonBody.ReadString(entry["keyId"]), out var id) ? id : Guid.NewGuid();
            var existing = app.KeyCredentials.FirstOrDefault(k => k.KeyId == keyId && k.KeyBase64 == key);
            result.Add(existing ?? new KeyCredentialEntry(keyId, JsonBody.ReadString(entry["displayName"]) ?? "", certificate, key, NewReplication()));
        }

        return (result, null);
    }

    private Task<SandboxResponse> WithApplication(SandboxRequest request, DirectoryAction action, Func<AppRegistration, DirectoryTenant, SandboxResponse> handler) =>
        Run(request, action, () =>
        {
            var tenant = DirectoryAccess.CallerTenant(state, request);
            var (key, app) = request.RouteValues.TryGetValue("appId", out var appId)
                ? (appId, Store.Applications(tenant.Id).FirstOrDefault(a => a.AppId.Equals(appId, StringComparison.OrdinalIgnoreCase)))
                : (request.RouteValue("id"), Store.Applications(tenant.Id).FirstOrDefault(a => a.ObjectId.ToString().Equals(request.RouteValue("id"), StringComparison.OrdinalIgnoreCase)));
            return app is null ? DirectoryErrors.NotFound(request, key) : handler(app, tenant);
        });

    private Task<SandboxResponse> Run(SandboxRequest request, DirectoryAction action, Func<SandboxResponse> handler) =>
        Task.FromResult(DirectoryAccess.Check(state, request, action) ?? Store.Locked(handler));

    private Replication NewReplication() => Replication.Starting(state.Clock.GetUtcNow(), state.Settings.ReplicationDelaySeconds);

    private static bool Selects(SandboxRequest request, string property) =>
        request.QueryValue("$select") is { } select && select.Split(',').Any(p => p.Trim().Equals(property, StringComparison.OrdinalIgnoreCase));

    private static DateTimeOffset? ReadTime(JsonNode? node) =>
        JsonBody.ReadString(node) is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    private static JsonObject WithContext(SandboxRequest request, JsonObject body, string type) =>
        DirectoryJson.WithContext($"{request.Origin}/v1.0/$metadata#{type}", body);

    /// <summary>40 characters like Entra ID's secrets (3-character prefix, '~' at the fourth place), random.</summary>
    private static string NewSecretText()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 40);
        chars[3] = '~';
        return new string(chars);
    }
}
