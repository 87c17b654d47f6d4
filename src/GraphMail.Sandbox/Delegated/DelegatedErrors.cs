using GraphMail.Sandbox.Identity;
using GraphMail.Sandbox.Routing;
using GraphMail.Sandbox.Seed;

namespace GraphMail.Sandbox.Delegated;

/// <summary>Entra ID's answers to delegated grants that cannot go on (device code flow, refresh tokens).</summary>
internal static class DelegatedErrors
{
    internal static SandboxResponse ClientNotFound(SandboxRequest request, string clientId, DirectoryTenant tenant) =>
        AadErrors.Create(request, 400, "unauthorized_client", 700016,
            $"Application with identifier '{clientId}' was not found in the directory '{tenant.Seed.DisplayName}'. " +
            "This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. " +
            "You may have sent your authentication request to the wrong tenant.");

    /// <summary>A confidential client (no public client flows) must prove itself: what Entra ID answers a device-code grant for it.</summary>
    internal static SandboxResponse NotPublicClient(SandboxRequest request) =>
        AadErrors.Create(request, 401, "invalid_client", 7000218,
            "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");

    internal static SandboxResponse BadVerificationCode(SandboxRequest request) =>
        AadErrors.Create(request, 400, "bad_verification_code", 70000, "The provided value for the input parameter 'device_code' is not valid.");

    internal static SandboxResponse Pending(SandboxRequest request) =>
        AadErrors.Create(request, 400, "authorization_pending", 70016, "OAuth 2.0 device flow error. Authorization is pending. Continue polling.");

    internal static SandboxResponse SlowDown(SandboxRequest request) =>
        AadErrors.Create(request, 400, "slow_down", 70016, "OAuth 2.0 device flow error. Polling too often: wait the interval between requests.");

    internal static SandboxResponse Expired(SandboxRequest request) =>
        AadErrors.Create(request, 400, "expired_token", 70019, "Verification code expired.");

    internal static SandboxResponse Declined(SandboxRequest request) =>
        AadErrors.Create(request, 400, "authorization_declined", 65004, "User declined to consent to access the app.");

    internal static SandboxResponse UserNotFound(SandboxRequest request, string user, DirectoryTenant tenant) =>
        AadErrors.Create(request, 400, "invalid_grant", 50034, $"The user account {user} does not exist in the {tenant.Seed.DisplayName} directory. To sign into this application, the account must be added to the directory.");

    internal static SandboxResponse InvalidRefreshToken(SandboxRequest request) =>
        AadErrors.Create(request, 400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid.");
}
