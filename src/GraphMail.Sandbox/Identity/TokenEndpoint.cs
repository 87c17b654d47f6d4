using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GraphMail.Sandbox.Delegated;
using GraphMail.Sandbox.Hosting;
using GraphMail.Sandbox.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace GraphMail.Sandbox.Identity;

/// <summary>
/// POST /{tenant}/oauth2/v2.0/token with grant_type=client_credentials (secret, HTTP Basic, or client assertion); the
/// delegated grants (device code, refresh token) are <see cref="DelegatedGrants"/>'.
/// </summary>
internal sealed class TokenEndpoint(SandboxState state)
{
    private static readonly HashSet<string> OpenIdScopes = new(StringComparer.OrdinalIgnoreCase) { "openid", "profile", "offline_access", "email" };

    internal Task<SandboxResponse> HandleAsync(SandboxRequest request) => Task.FromResult(Handle(request));

    private SandboxResponse Handle(SandboxRequest request)
    {
        var tenantSegment = request.RouteValue("tenant");
        var tenant = state.Directory.FindTenant(tenantSegment);
        if (tenant is null)
        {
            return AadErrors.TenantNotFound(request, tenantSegment);
        }

        var form = ReadForm(request);
        var (basicId, basicSecret) = ReadBasicAuthorization(request.Header("Authorization"));
        var clientId = form.GetValueOrDefault("client_id") ?? basicId;
        if (string.IsNullOrEmpty(clientId))
        {
            return AadErrors.MissingParameter(request, "client_id");
        }

        request.AppId = clientId;
        var grantType = form.GetValueOrDefault("grant_type");
        if (string.IsNullOrEmpty(grantType))
        {
            return AadErrors.MissingParameter(request, "grant_type");
        }

        if (DelegatedGrants.Handles(grantType))
        {
            return new DelegatedGrants(state).Handle(request, tenant, clientId, grantType, form);
        }

        if (grantType != "client_credentials")
        {
            return AadErrors.Create(request, 400, "unsupported_grant_type", 70003, $"The app requested an unsupported grant type '{grantType}'.");
        }

        var now = state.Clock.GetUtcNow();
        var application = state.DirectoryObjects.FindForSignIn(tenant.Id, clientId, now);
        if (application?.ServicePrincipalId is not { } principalId)
        {
            return AadErrors.Create(request, 400, "unauthorized_client", 700016,
                $"Application with identifier '{clientId}' was not found in the directory '{tenant.Seed.DisplayName}'. " +
                "This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. " +
                "You may have sent your authentication request to the wrong tenant.");
        }

        var secret = form.GetValueOrDefault("client_secret") ?? basicSecret;
        var assertion = form.GetValueOrDefault("client_assertion");
        var credential = (secret, assertion) switch
        {
            (not null, _) => ClientSecretCheck.Check(request, application, secret, now),
            (null, not null) => ClientAssertionCheck.Check(request, state.Directory, tenant, application,
                form.GetValueOrDefault("client_assertion_type") ?? "", assertion, now),
            _ => CredentialResult.Fail(AadErrors.Create(request, 401, "invalid_client", 7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.")),
        };
        if (credential.Error is not null)
        {
            return credential.Error;
        }

        var scopeError = CheckScope(request, form.GetValueOrDefault("scope"));
        if (scopeError is not null)
        {
            return scopeError;
        }

        var token = state.TokenIssuer.Issue(
            new TokenSubject(tenant.Id, tenant.Seed.RegionScope, clientId, application.DisplayName, principalId, application.GraphRoles, credential.AppIdAcr!),
            state.Settings.TokenLifetimeSeconds);
        return SandboxResponse.Json(200, new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = token.ExpiresIn,
            ["ext_expires_in"] = token.ExpiresIn,
            ["access_token"] = token.AccessToken,
        });
    }

    private static SandboxResponse? CheckScope(SandboxRequest request, string? scope)
    {
        if (string.IsNullOrWhiteSpace(scope))
        {
            return AadErrors.MissingParameter(request, "scope");
        }

        var scopes = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(s => !OpenIdScopes.Contains(s)).ToList();
        var withoutDefault = scopes.FirstOrDefault(s => !s.EndsWith(GraphResource.DefaultSuffix, StringComparison.OrdinalIgnoreCase));
        if (withoutDefault is not null)
        {
            return AadErrors.Create(request, 400, "invalid_scope", 1002012,
                $"The provided value for scope {withoutDefault} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");
        }

        var resources = scopes.Select(s => s[..^GraphResource.DefaultSuffix.Length]).ToList();
        if (resources.Count != 1 || !GraphResource.IsGraph(resources[0], request.Origin))
        {
            return AadErrors.Create(request, 400, "invalid_scope", 70011,
                $"The provided value for the input parameter 'scope' is not valid. The scope {scope} is not valid.");
        }

        return null;
    }

    /// <summary>The form body of an Entra ID endpoint (empty unless the Content-Type says form).</summary>
    internal static Dictionary<string, string> ReadForm(SandboxRequest request)
    {
        var contentType = request.Header("Content-Type") ?? "";
        if (!contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        return QueryHelpers.ParseQuery(request.BodyText).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
    }

    /// <summary>RFC 6749 2.3.1: Basic base64(urlencode(client_id):urlencode(client_secret)).</summary>
    private static (string? ClientId, string? Secret) ReadBasicAuthorization(string? authorization)
    {
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header) ||
            !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return (null, null);
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = decoded.IndexOf(':');
            return colon < 0 ? (null, null) : (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }
}
