using System;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GraphMail.Sandbox.Applications;
using GraphMail.Sandbox.Routing;
using GraphMail.Sandbox.Seed;

namespace GraphMail.Sandbox.Identity;

/// <summary>
/// Verifies a client assertion JWT against the app's registered certificates: PS256 + x5t#S256 (what MSAL sends)
/// or RS256 + x5t; aud = the token URL it was posted to; iss = sub = client_id; nbf/exp with 5 minutes of skew.
/// </summary>
internal static class ClientAssertionCheck
{
    internal const string JwtBearerType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    internal static CredentialResult Check(
        SandboxRequest request, SandboxDirectory directory, DirectoryTenant tenant, SignInClient application,
        string assertionType, string assertion, DateTimeOffset now)
    {
        var clientId = application.AppId;
        if (assertionType != JwtBearerType)
        {
            return Fail(request, 400, "invalid_request", 90014,
                "The required field 'client_assertion_type' is missing from the credential. Ensure that you have all the necessary parameters for the login request.");
        }

        var jwt = JsonWebToken.TryParse(assertion);
        if (jwt is null)
        {
            return Fail(request, 400, "invalid_request", 50027, "JWT token is invalid or malformed.");
        }

        var alg = jwt.HeaderString("alg");
        var (padding, thumbprint, hash) = alg switch
        {
            "PS256" => (RSASignaturePadding.Pss, jwt.HeaderString("x5t#S256"), HashAlgorithmName.SHA256),
            "RS256" => (RSASignaturePadding.Pkcs1, jwt.HeaderString("x5t") ?? jwt.HeaderString("x5t#S256"), HashAlgorithmName.SHA256),
            _ => (null, null, default),
        };
        if (padding is null)
        {
            return InvalidSignature(request, clientId, "Unsupported asymmetric signing algorithm.", jwt.HeaderString("x5t"));
        }

        var registered = thumbprint is null ? null : application.Certificates.FirstOrDefault(c => Thumbprints(c.Certificate).Contains(thumbprint));
        if (registered is null)
        {
            return InvalidSignature(request, clientId, "The key was not found.", thumbprint);
        }

        if (now > registered.EndDateTime || now < registered.StartDateTime)
        {
            return InvalidSignature(request, clientId, "The key used is expired.", thumbprint);
        }

        using var key = registered.Certificate.GetRSAPublicKey();
        if (key is null || !key.VerifyData(jwt.SigningInput, jwt.Signature, hash, padding))
        {
            return InvalidSignature(request, clientId, "The provided signature value did not match the expected signature value.", thumbprint);
        }

        if (jwt.ClaimString("iss") != clientId || jwt.ClaimString("sub") != clientId)
        {
            return Fail(request, 401, "invalid_client", 700021,
                "Client assertion application identifier doesn't match 'client_id' parameter. Review the documentation at https://docs.microsoft.com/azure/active-directory/develop/active-directory-certificate-credentials .");
        }

        if (!IsTokenUrlOf(jwt.ClaimString("aud"), request.Origin, directory, tenant))
        {
            return Fail(request, 401, "invalid_client", 700023,
                "Client assertion audience claim does not match Realm issuer. Review the documentation at https://docs.microsoft.com/azure/active-directory/develop/active-directory-certificate-credentials .");
        }

        var notBefore = jwt.ClaimTime("nbf");
        var expires = jwt.ClaimTime("exp");
        if (expires is null || expires.Value + Skew < now || (notBefore is not null && notBefore.Value - Skew > now))
        {
            return Fail(request, 401, "invalid_client", 700024,
                $"Client assertion is not within its valid time range. Current time: {now.UtcDateTime:O}, assertion valid from {(notBefore ?? DateTimeOffset.UnixEpoch).UtcDateTime:O}, " +
                $"expiry time of assertion {(expires ?? DateTimeOffset.UnixEpoch).UtcDateTime:O}. Review the documentation at https://docs.microsoft.com/azure/active-directory/develop/active-directory-certificate-credentials .");
        }

        return CredentialResult.Certificate;
    }

    private static string[] Thumbprints(X509Certificate2 certificate) =>
    [
        Base64Url.Encode(certificate.GetCertHash(HashAlgorithmName.SHA256)),
        Base64Url.Encode(certificate.GetCertHash(HashAlgorithmName.SHA1)),
    ];

    /// <summary>aud must be {origin}/{tenant}/oauth2/v2.0/token (or the v1 /oauth2/token) for this tenant, by GUID or any of its domains.</summary>
    private static bool IsTokenUrlOf(string? audience, string origin, SandboxDirectory directory, DirectoryTenant tenant)
    {
        if (audience is null || !Uri.TryCreate(audience, UriKind.Absolute, out var uri) ||
            !string.Equals(uri.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var segments = uri.AbsolutePath.Trim('/').Split('/');
        var isTokenPath = segments is [_, "oauth2", "v2.0", "token"] or [_, "oauth2", "token"];
        return isTokenPath && directory.FindTenant(segments[0]) == tenant;
    }

    private static CredentialResult InvalidSignature(SandboxRequest request, string clientId, string reason, string? thumbprint) =>
        Fail(request, 401, "invalid_client", 700027,
            $"Client assertion contains an invalid signature. [Reason - {reason}, Thumbprint of key used by client: '{thumbprint}', " +
            $"Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '{clientId}'. " +
            "Review the documentation at https://docs.microsoft.com/en-us/graph/deployments#app-registration-and-token-service-root-endpoints .]");

    private static CredentialResult Fail(SandboxRequest request, int status, string error, int code, string text) =>
        CredentialResult.Fail(AadErrors.Create(request, status, error, code, text));
}
