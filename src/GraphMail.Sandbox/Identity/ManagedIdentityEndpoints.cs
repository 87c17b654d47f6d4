using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GraphMail.Sandbox.Hosting;
using GraphMail.Sandbox.Routing;
using GraphMail.Sandbox.Seed;
using Microsoft.AspNetCore.WebUtilities;

namespace GraphMail.Sandbox.Identity;

/// <summary>
/// Managed identity token endpoints as MSAL calls them: App Service / Azure Automation style (/msi/token with
/// X-IDENTITY-HEADER; GET with api-version as MSAL sends it, or the Automation docs' POST form without one) and
/// IMDS style (/metadata/identity/oauth2/token with Metadata: true). Numbers in the answers are strings, as the services send them.
/// </summary>
internal sealed class ManagedIdentityEndpoints(SandboxState state)
{
    internal Task<SandboxResponse> AppServiceAsync(SandboxRequest request) => Task.FromResult(AppService(request));

    internal Task<SandboxResponse> ImdsAsync(SandboxRequest request) => Task.FromResult(Imds(request));

    private SandboxResponse AppService(SandboxRequest request)
    {
        var header = request.Header("X-IDENTITY-HEADER");
        if (string.IsNullOrEmpty(header))
        {
            return AppServiceError(request, 400, "The request is missing the X-IDENTITY-HEADER header.");
        }

        if (!string.Equals(header, state.IdentityHeader, StringComparison.Ordinal))
        {
            return AppServiceError(request, 401, "The X-IDENTITY-HEADER header does not match IDENTITY_HEADER.");
        }

        var parameters = new Dictionary<string, string>(request.Query, StringComparer.OrdinalIgnoreCase);
        if (request.Method == "POST")
        {
            foreach (var pair in QueryHelpers.ParseQuery(request.BodyText))
            {
                parameters[pair.Key] = pair.Value.ToString();
            }
        }

        if (parameters.TryGetValue("api-version", out var apiVersion) && apiVersion is not ("2019-08-01" or "2017-09-01"))
        {
            return AppServiceError(request, 400, $"The api-version '{apiVersion}' is not supported.");
        }

        var resource = parameters.GetValueOrDefault("resource");
        if (string.IsNullOrEmpty(resource))
        {
            return AppServiceError(request, 400, "The request is missing the resource parameter.");
        }

        var identity = FindIdentity(parameters.GetValueOrDefault("client_id"), parameters.GetValueOrDefault("object_id") ?? parameters.GetValueOrDefault("principal_id"),
            parameters.GetValueOrDefault("mi_res_id"));
        if (identity is null)
        {
            return AppServiceError(request, 400, "No managed identity was found for this resource (GraphMail.Sandbox).");
        }

        request.AppId = identity.ClientId;
        if (!GraphResource.IsGraph(resource, request.Origin))
        {
            return AppServiceError(request, 400, $"AADSTS500011: The resource principal named {resource} was not found in the tenant named {identity.TenantId}.");
        }

        var token = Issue(identity);
        return SandboxResponse.Json(200, new JsonObject
        {
            ["access_token"] = token.AccessToken,
            ["expires_on"] = Seconds(token.ExpiresOn),
            ["resource"] = resource,
            ["token_type"] = "Bearer",
            ["client_id"] = identity.ClientId,
        });
    }

    private SandboxResponse Imds(SandboxRequest request)
    {
        if (!string.Equals(request.Header("Metadata"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return ImdsError(400, "invalid_request", "Required metadata header not specified");
        }

        if (string.IsNullOrEmpty(request.QueryValue("api-version")))
        {
            return ImdsError(400, "invalid_request", "Required query variable 'api-version' is missing");
        }

        var resource = request.QueryValue("resource");
        if (string.IsNullOrEmpty(resource))
        {
            return ImdsError(400, "invalid_request", "Required query variable 'resource' is missing");
        }

        var identity = FindIdentity(request.QueryValue("client_id"), request.QueryValue("object_id"), request.QueryValue("msi_res_id"));
        if (identity is null)
        {
            return ImdsError(400, "invalid_request", "Identity not found");
        }

        request.AppId = identity.ClientId;
        if (!GraphResource.IsGraph(resource, request.Origin))
        {
            return ImdsError(400, "invalid_resource", $"AADSTS500011: The resource principal named {resource} was not found in the tenant named {identity.TenantId}.");
        }

        var token = Issue(identity);
        var expiresIn = token.ExpiresIn.ToString(CultureInfo.InvariantCulture);
        return SandboxResponse.Json(200, new JsonObject
        {
            ["access_token"] = token.AccessToken,
            ["refresh_token"] = "",
            ["expires_in"] = expiresIn,
            ["expires_on"] = Seconds(token.ExpiresOn),
            ["ext_expires_in"] = expiresIn,
            ["not_before"] = Seconds(token.IssuedAt),
            ["resource"] = resource,
            ["token_type"] = "Bearer",
            ["client_id"] = identity.ClientId,
        });
    }

    /// <summary>No id: the system-assigned identity. Any id: the user-assigned identity matching all given ids.</summary>
    private SeedManagedIdentity? FindIdentity(string? clientId, string? objectId, string? resourceId) =>
        clientId is null && objectId is null && resourceId is null
            ? state.Directory.FindSystemAssignedIdentity()
            : state.Directory.FindUserAssignedIdentity(clientId, objectId, resourceId);

    private IssuedToken Issue(SeedManagedIdentity identity)
    {
        var tenant = state.Directory.FindTenant(identity.TenantId.ToString())!;
        var subject = new TokenSubject(identity.TenantId, tenant.Seed.RegionScope, identity.ClientId,
            identity.DisplayName, identity.ObjectId, identity.GrantedRoles.ToList(), "2");
        return state.TokenIssuer.Issue(subject, state.Settings.TokenLifetimeSeconds);
    }

    private static string Seconds(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static SandboxResponse AppServiceError(SandboxRequest request, int status, string message) =>
        SandboxResponse.Json(status, new JsonObject
        {
            ["statusCode"] = status,
            ["message"] = message,
            ["correlationId"] = request.RequestId,
        });

    private static SandboxResponse ImdsError(int status, string error, string description) =>
        SandboxResponse.Json(status, new JsonObject { ["error"] = error, ["error_description"] = description });
}
