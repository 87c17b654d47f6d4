using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GraphMail.Sandbox.Hosting;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Sandbox.Identity;

/// <summary>OpenID configuration (v2 and v1) and the signing keys, by tenant GUID, domain, common or organizations.</summary>
internal sealed class DiscoveryEndpoints(SandboxState state)
{
    private const string TenantPlaceholder = "{tenantid}";

    internal Task<SandboxResponse> OpenIdConfigurationV2Async(SandboxRequest request) => Task.FromResult(OpenIdConfiguration(request, v2: true));

    internal Task<SandboxResponse> OpenIdConfigurationV1Async(SandboxRequest request) => Task.FromResult(OpenIdConfiguration(request, v2: false));

    internal Task<SandboxResponse> KeysAsync(SandboxRequest request)
    {
        var tenant = ResolveTenant(request.RouteValue("tenant"), out _);
        var response = tenant is null
            ? AadErrors.TenantNotFound(request, request.RouteValue("tenant"))
            : Cacheable(SandboxResponse.Json(200, state.SigningKeys.ToJwks($"{request.Origin}/{tenant}/v2.0")));
        return Task.FromResult(response);
    }

    private SandboxResponse OpenIdConfiguration(SandboxRequest request, bool v2)
    {
        var segment = request.RouteValue("tenant");
        var tenant = ResolveTenant(segment, out var regionScope);
        if (tenant is null)
        {
            return AadErrors.Create(request, 400, "invalid_tenant", 90002,
                $"Tenant '{segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. " +
                "Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.");
        }

        var authority = $"{request.Origin}/{tenant}";
        var oauth = v2 ? $"{authority}/oauth2/v2.0" : $"{authority}/oauth2";
        var document = new JsonObject
        {
            ["token_endpoint"] = oauth + "/token",
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "private_key_jwt", "client_secret_basic"),
            ["jwks_uri"] = v2 ? $"{authority}/discovery/v2.0/keys" : $"{authority}/discovery/keys",
            ["response_modes_supported"] = new JsonArray("query", "fragment", "form_post"),
            ["subject_types_supported"] = new JsonArray("pairwise"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token", "id_token token"),
            ["scopes_supported"] = new JsonArray("openid", "profile", "email", "offline_access"),
            ["issuer"] = v2 ? $"{authority}/v2.0" : $"https://sts.windows.net/{tenant}/",
            ["request_uri_parameter_supported"] = false,
            ["userinfo_endpoint"] = "https://graph.microsoft.com/oidc/userinfo",
            ["authorization_endpoint"] = oauth + "/authorize",
            ["device_authorization_endpoint"] = oauth + "/devicecode",
            ["http_logout_supported"] = true,
            ["frontchannel_logout_supported"] = true,
            ["end_session_endpoint"] = oauth + "/logout",
            ["claims_supported"] = new JsonArray("sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name",
                "msgraph_host", "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email"),
            ["kerberos_endpoint"] = $"{authority}/kerberos",
            ["tenant_region_scope"] = regionScope,
            ["cloud_instance_name"] = "microsoftonline.com",
            ["cloud_graph_host_name"] = "graph.windows.net",
            ["msgraph_host"] = "graph.microsoft.com",
            ["rbac_url"] = "https://pas.windows.net",
        };
        return Cacheable(SandboxResponse.Json(200, document));
    }

    /// <summary>The tenant GUID as text, {tenantid} for the multi-tenant aliases, or null when unknown.</summary>
    private string? ResolveTenant(string segment, out string? regionScope)
    {
        regionScope = null;
        if (segment.Equals("common", StringComparison.OrdinalIgnoreCase) || segment.Equals("organizations", StringComparison.OrdinalIgnoreCase))
        {
            return TenantPlaceholder;
        }

        var tenant = state.Directory.FindTenant(segment);
        regionScope = tenant?.Seed.RegionScope;
        return tenant?.Id.ToString();
    }

    private static SandboxResponse Cacheable(SandboxResponse response) =>
        response.WithHeader("Cache-Control", "max-age=86400, private").WithHeader("Access-Control-Allow-Origin", "*");
}
