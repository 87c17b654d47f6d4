namespace GraphMail;

/// <summary>
/// Every ErrorId GraphMail writes, in one place. Ids are PascalCase, stable across releases, and are what
/// scripts match on (<c>$err.FullyQualifiedErrorId -like 'GraphMailNotConnected,*'</c>). Add, never rename.
/// </summary>
public static class ErrorIds
{
    // Module and session
    public const string NotConnected = "GraphMailNotConnected";
    public const string OperationStopped = "GraphMailOperationStopped";
    public const string UnexpectedError = "GraphMailUnexpectedError";

    // Connections
    public const string InvalidSandboxEndpoint = "InvalidSandboxEndpoint";

    // Consent
    public const string InvalidConsentClientId = "InvalidConsentClientId";
    public const string InvalidConsentTenant = "InvalidConsentTenant";
    public const string ConsentTenantNotAllowedInForm = "ConsentTenantNotAllowedInForm";
    public const string InvalidConsentRedirectUri = "InvalidConsentRedirectUri";
    public const string ConsentRedirectUriRequired = "ConsentRedirectUriRequired";
    public const string InvalidConsentState = "InvalidConsentState";
    public const string InvalidManagedIdentity = "InvalidManagedIdentity";
    public const string ConsentTenantNotFound = "ConsentTenantNotFound";
    public const string ConsentTenantInOtherCloud = "ConsentTenantInOtherCloud";
    public const string ConsentTenantLookupFailed = "ConsentTenantLookupFailed";
    public const string InvalidConsentResponse = "InvalidConsentResponse";
}
