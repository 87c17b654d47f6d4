using System;
using System.Collections.Generic;
using GraphMail.Sandbox.Hosting;
using GraphMail.Sandbox.Routing;
using GraphMail.Sandbox.Seed;

namespace GraphMail.Sandbox.Delegated;

/// <summary>
/// The token endpoint's delegated grants: urn:ietf:params:oauth:grant-type:device_code (RFC 8628 §3.4–3.5 as Entra ID
/// implements it: authorization_pending, slow_down, expired_token, authorization_declined, bad_verification_code) and
/// refresh_token. Only public clients may use them without a client credential.
/// </summary>
internal sealed class DelegatedGrants(SandboxState state)
{
    internal const string DeviceCodeGrantType = "urn:ietf:params:oauth:grant-type:device_code";

    /// <summary>The short name MSAL.NET sends (OAuth2GrantType.DeviceCode); Entra ID accepts both.</summary>
    internal const string DeviceCodeShortGrantType = "device_code";
    internal const string RefreshTokenGrantType = "refresh_token";

    internal static bool Handles(string grantType) => grantType is DeviceCodeGrantType or DeviceCodeShortGrantType or RefreshTokenGrantType;

    internal SandboxResponse Handle(SandboxRequest request, DirectoryTenant tenant, string clientId, string grantType, IReadOnlyDictionary<string, string> form)
    {
        var now = state.Clock.GetUtcNow();
        var client = state.DirectoryObjects.FindForSignIn(tenant.Id, clientId, now);
        if (client is null)
        {
            return DelegatedErrors.ClientNotFound(request, clientId, tenant);
        }

        if (!client.PublicClient)
        {
            return DelegatedErrors.NotPublicClient(request);
        }

        var clientInfo = form.GetValueOrDefault("client_info") == "1";
        if (grantType == RefreshTokenGrantType)
        {
            var grant = state.RefreshTokens.Find(form.GetValueOrDefault("refresh_token") ?? "");
            var user = grant is null ? null : tenant.FindUser(grant.UserPrincipalName);
            if (grant is null || grant.TenantId != tenant.Id || grant.ClientId != clientId || user is null)
            {
                return DelegatedErrors.InvalidRefreshToken(request);
            }

            var scopes = DelegatedScopes.Parse(form.GetValueOrDefault("scope") ?? grant.Scope, request.Origin, out _) ?? DelegatedScopes.Parse(grant.Scope, request.Origin, out _)!;
            return DelegatedTokens.Issue(state, request, tenant, user, clientId, client.DisplayName, scopes, clientInfo);
        }

        var deviceCode = form.GetValueOrDefault("device_code");
        if (string.IsNullOrEmpty(deviceCode))
        {
            return Identity.AadErrors.MissingParameter(request, "device_code");
        }

        return state.DeviceCodes.Locked(() => Redeem(request, tenant, clientId, client.DisplayName, deviceCode, clientInfo, now));
    }

    private SandboxResponse Redeem(SandboxRequest request, DirectoryTenant tenant, string clientId, string clientName, string deviceCode, bool clientInfo, DateTimeOffset now)
    {
        var signIn = state.DeviceCodes.Find(deviceCode);
        if (signIn is null || signIn.ClientId != clientId || signIn.TenantId != tenant.Id || signIn.Redeemed)
        {
            return DelegatedErrors.BadVerificationCode(request);
        }

        var lastPoll = signIn.LastPollAt;
        signIn.LastPollAt = now;
        if (now >= signIn.ExpiresAt)
        {
            return DelegatedErrors.Expired(request);
        }

        if (signIn.Declined)
        {
            return DelegatedErrors.Declined(request);
        }

        if (signIn.ApprovedBy is not { } approver)
        {
            return lastPoll is { } previous && now < previous.AddSeconds(signIn.IntervalSeconds)
                ? DelegatedErrors.SlowDown(request)
                : DelegatedErrors.Pending(request);
        }

        var user = tenant.FindUser(approver);
        if (user is null)
        {
            return DelegatedErrors.UserNotFound(request, approver, tenant);
        }

        signIn.Redeemed = true;
        var scopes = DelegatedScopes.Parse(string.Join(" ", signIn.Scopes), request.Origin, out _)!;
        return DelegatedTokens.Issue(state, request, tenant, user, clientId, clientName, scopes, clientInfo);
    }
}
