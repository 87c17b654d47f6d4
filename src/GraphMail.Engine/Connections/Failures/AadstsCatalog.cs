using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GraphMail.Engine.Entra;

namespace GraphMail.Engine.Connections.Failures;

/// <summary>One Entra ID error code and what GraphMail says about it.</summary>
internal sealed class AadstsEntry
{
    internal AadstsEntry(int code, string errorId, GraphMailErrorKind kind, string cause, string fix)
    {
        Code = code;
        ErrorId = errorId;
        Kind = kind;
        Cause = cause;
        Fix = fix;
    }

    internal int Code { get; }

    internal string ErrorId { get; }

    internal GraphMailErrorKind Kind { get; }

    /// <summary>One line; {tenant}, {client}, {cloud}, {host} and {thumbprint} are filled in.</summary>
    internal string Cause { get; }

    internal string Fix { get; }
}

/// <summary>
/// The one table from AADSTS codes (wire spec §1.4, and a few more admins meet) to GraphMail's error ids, kinds,
/// causes and fixes. An unknown code still becomes an error that carries the code, the HTTP status and the trace id.
/// </summary>
internal static class AadstsCatalog
{
    private const string CloudHint = "a US Government tenant needs -Environment USGov or USGovDoD, a China (21Vianet) tenant -Environment China";

    private static readonly AadstsEntry[] Entries =
    {
        new(90002, ErrorIds.TenantNotFound, GraphMailErrorKind.ObjectNotFound,
            "Tenant '{tenant}' was not found in the {cloud} cloud.",
            "Check -TenantId (the Directory (tenant) ID, or a verified domain) and -Environment: " + CloudHint + "."),
        new(900023, ErrorIds.TenantNotFound, GraphMailErrorKind.ObjectNotFound,
            "Entra ID does not know '{tenant}' as a tenant ID or domain.",
            "Pass the Directory (tenant) ID GUID from Entra ID > Overview, or a verified domain of that tenant."),
        new(700016, ErrorIds.ApplicationNotFoundInTenant, GraphMailErrorKind.ObjectNotFound,
            "App '{client}' was not found in tenant '{tenant}': the client ID or the tenant is wrong, or the app was never consented to there.",
            "Check -ClientId and -TenantId. For an app registered in another tenant, an admin of this tenant must consent first: Get-GraphMailConsentUrl -TenantId {tenant} -ClientId {client}"),
        new(7000215, ErrorIds.ClientSecretInvalid, GraphMailErrorKind.Authentication,
            "The client secret of app '{client}' was refused: it is wrong, and most often it is the secret's ID pasted instead of its Value.",
            "In Entra ID > App registrations > the app > Certificates & secrets, create a new client secret and copy its Value (shown only once), not its Secret ID."),
        new(7000222, ErrorIds.ClientSecretExpired, GraphMailErrorKind.Authentication,
            "The client secret of app '{client}' has expired.",
            "Create a new client secret under Certificates & secrets of the app and use its Value, or switch to a certificate (-CertificateThumbprint, -CertificatePath)."),
        new(700027, ErrorIds.CertificateNotRegistered, GraphMailErrorKind.Authentication,
            "App '{client}' refused certificate {thumbprint}: it is not registered on the app, it expired there, or it is not the certificate whose key signed the request.",
            "Upload this certificate's public part (.cer) under Certificates & secrets of app '{client}', or connect with the certificate whose thumbprint is listed there."),
        new(700024, ErrorIds.ClientAssertionOutOfTime, GraphMailErrorKind.Authentication,
            "Entra ID says the signed certificate assertion is outside its valid time range: this computer's clock is probably wrong.",
            "Synchronise the system clock (w32tm /resync on Windows, chrony or timedatectl on Linux) and connect again."),
        new(7000218, ErrorIds.CredentialMissing, GraphMailErrorKind.Authentication,
            "The token request for app '{client}' carried no client secret and no certificate.",
            "Pass -ClientSecret, -Credential, -CertificateThumbprint, -Certificate or -CertificatePath, or -ManagedIdentity on an Azure resource."),
        new(1002012, ErrorIds.InvalidScope, GraphMailErrorKind.InvalidOperation,
            "Entra ID refused the requested scope: an app-only request must ask for a resource's /.default scope.",
            "GraphMail always asks for Graph's /.default scope; a proxy that rewrites requests may be at fault. Report it with the request id."),
        new(70011, ErrorIds.InvalidScope, GraphMailErrorKind.InvalidOperation,
            "Entra ID refused the scope for Microsoft Graph in the {cloud} cloud.",
            "Check -Environment: each Microsoft cloud has its own Graph host, and " + CloudHint + "."),
        new(500011, ErrorIds.ResourceNotFoundInTenant, GraphMailErrorKind.ObjectNotFound,
            "Microsoft Graph of the {cloud} cloud was not found in tenant '{tenant}'.",
            "Check -Environment: " + CloudHint + "."),
        new(7000112, ErrorIds.ApplicationDisabled, GraphMailErrorKind.PermissionDenied,
            "App '{client}' is disabled in tenant '{tenant}'.",
            "An admin can enable it again: Entra ID > Enterprise applications > the app > Properties > Enabled for users to sign-in."),
        new(70019, ErrorIds.AdminSignInExpired, GraphMailErrorKind.OperationTimeout,
            "The sign-in code expired before anyone signed in with it in tenant '{tenant}'.",
            "Run the command again and enter the new code within 15 minutes, or add -Interactive where a browser can open on this computer."),
        new(65004, ErrorIds.AdminSignInDeclined, GraphMailErrorKind.PermissionDenied,
            "The sign-in to tenant '{tenant}' was declined at the consent prompt.",
            "Sign in again and accept; an administrator of the tenant must allow app '{client}' (Entra ID > Enterprise applications)."),
        new(50034, ErrorIds.AdminUserNotFound, GraphMailErrorKind.ObjectNotFound,
            "The account used to sign in does not exist in tenant '{tenant}'.",
            "Sign in with an account of that tenant (Global Administrator, or Application and Privileged Role Administrator)."),
        new(53003, ErrorIds.BlockedByConditionalAccess, GraphMailErrorKind.PermissionDenied,
            "A Conditional Access policy of tenant '{tenant}' blocked app '{client}'.",
            "Ask an admin to look in Entra ID > Sign-in logs > Service principal sign-ins for the policy that applied (often a location condition)."),
    };

    internal static IReadOnlyList<AadstsEntry> All => Entries;

    internal static AadstsEntry? Find(int code) => Entries.FirstOrDefault(e => e.Code == code);

    /// <summary>Entra ID's error, as GraphMail reports it.</summary>
    internal static GraphMailException ToException(EntraErrorResponse response, int? httpStatus, FailureContext context, Exception inner)
    {
        var entry = response.Code is { } code ? Find(code) : null;
        var exception = entry is not null
            ? entry.ErrorId == ErrorIds.CertificateNotRegistered && ExpiredCertificate(response, context) is { } expired
                ? new GraphMailException(entry.ErrorId, entry.Kind, context.Render(expired), context.Render(ExpiredCertificateFix), inner)
                : new GraphMailException(entry.ErrorId, entry.Kind, context.Render(entry.Cause), context.Render(entry.Fix), inner)
            : new GraphMailException(
                ErrorIds.AuthenticationFailed,
                GraphMailErrorKind.Authentication,
                context.Render("Entra ID refused the token request of app '{client}' in tenant '{tenant}'") + Describe(response),
                response.Code is { } unknown
                    ? "Look the code up at https://login.microsoftonline.com/error?code=" + unknown.ToString(CultureInfo.InvariantCulture)
                    : null,
                inner);
        var serviceCode = response.Code is { } c ? "AADSTS" + c.ToString(CultureInfo.InvariantCulture) : response.Error;
        return exception.WithService(serviceCode, httpStatus, response.TraceId, response.CorrelationId);
    }

    private const string ExpiredCertificateFix =
        "Make a new certificate and register it on app '{client}': New-GraphMailApplication -DisplayName <the app's name> -RotateCredential "
        + "with an administrator signed in (Connect-GraphMailAdmin), or upload the new certificate's .cer under Certificates & secrets; then connect with it.";

    /// <summary>
    /// AADSTS700027 has three causes; an expired certificate is the one that tells itself apart: the certificate
    /// signed in with is past its NotAfter, or Entra ID's reason says the key registered on the app has expired.
    /// </summary>
    private static string? ExpiredCertificate(EntraErrorResponse response, FailureContext context)
    {
        if (context.CertificateNotAfter is { } notAfter && notAfter < DateTimeOffset.UtcNow)
        {
            return "App '{client}' refused certificate {thumbprint}: the certificate expired on "
                + notAfter.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) + ", and Entra ID accepts no expired certificate.";
        }

        return response.FirstLine is { } line && line.IndexOf("The key used is expired", StringComparison.OrdinalIgnoreCase) >= 0
            ? "App '{client}' refused certificate {thumbprint}: the certificate registered on the app has expired there (Entra ID: 'The key used is expired')."
            : null;
    }

    private static string Describe(EntraErrorResponse response) =>
        response.FirstLine is { Length: > 0 } line ? ": " + line : response.Error is { } error ? " (" + error + ")." : ".";
}
