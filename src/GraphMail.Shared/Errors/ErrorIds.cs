namespace GraphMail;

/// <summary>
/// Every ErrorId GraphMail writes, in one place. Ids are PascalCase, stable across releases, and are what
/// scripts match on (<c>$err.FullyQualifiedErrorId -like 'GraphMailNotConnected,*'</c>). Add, never rename.
/// </summary>
public static class ErrorIds
{
    // Module and session
    public const string PathNotOnFileSystem = "PathNotOnFileSystem";
    public const string NotConnected = "GraphMailNotConnected";
    public const string OperationStopped = "GraphMailOperationStopped";
    public const string UnexpectedError = "GraphMailUnexpectedError";

    // Connections: what the user typed
    public const string InvalidSandboxEndpoint = "InvalidSandboxEndpoint";
    public const string InvalidTenantId = "InvalidTenantId";
    public const string InvalidClientId = "InvalidClientId";
    public const string InvalidManagedIdentityClientId = "InvalidManagedIdentityClientId";
    public const string InvalidDefaultFrom = "InvalidDefaultFrom";
    public const string InvalidEnvironment = "InvalidEnvironment";
    public const string ClientSecretEmpty = "ClientSecretEmpty";
    public const string EnvironmentVariablesMissing = "EnvironmentVariablesMissing";
    public const string InvalidEnvironmentVariable = "InvalidEnvironmentVariable";

    // Connections: certificates
    public const string InvalidCertificateThumbprint = "InvalidCertificateThumbprint";
    public const string CertificateNotFound = "CertificateNotFound";
    public const string CertificateWithoutPrivateKey = "CertificateWithoutPrivateKey";
    public const string CertificateFileNotFound = "CertificateFileNotFound";
    public const string CertificateFileUnreadable = "CertificateFileUnreadable";
    public const string CertificatePasswordIncorrect = "CertificatePasswordIncorrect";
    public const string CertificatePemNotSupported = "CertificatePemNotSupported";
    public const string CertificateKeyNotSupported = "CertificateKeyNotSupported";

    // Connections: what Entra ID answered (one AADSTS code each, see the engine's AadstsCatalog)
    public const string TenantNotFound = "TenantNotFound";
    public const string ApplicationNotFoundInTenant = "ApplicationNotFoundInTenant";
    public const string ClientSecretInvalid = "ClientSecretInvalid";
    public const string ClientSecretExpired = "ClientSecretExpired";
    public const string CertificateNotRegistered = "CertificateNotRegistered";
    public const string ClientAssertionOutOfTime = "ClientAssertionOutOfTime";
    public const string CredentialMissing = "CredentialMissing";
    public const string InvalidScope = "InvalidScope";
    public const string ApplicationDisabled = "ApplicationDisabled";
    public const string ResourceNotFoundInTenant = "ResourceNotFoundInTenant";
    public const string BlockedByConditionalAccess = "BlockedByConditionalAccess";
    public const string AuthenticationFailed = "AuthenticationFailed";
    public const string TokenServiceUnavailable = "TokenServiceUnavailable";

    // Connections: managed identity
    public const string ManagedIdentityUnavailable = "ManagedIdentityUnavailable";
    public const string ManagedIdentityNotFound = "ManagedIdentityNotFound";
    public const string ManagedIdentityFailed = "ManagedIdentityFailed";
    public const string ManagedIdentityTenantMismatch = "ManagedIdentityTenantMismatch";
    public const string ManagedIdentitySourceNotSupported = "ManagedIdentitySourceNotSupported";

    // Connections: the network
    public const string ServiceUnreachable = "ServiceUnreachable";
    public const string TlsCertificateRejected = "TlsCertificateRejected";
    public const string ServiceTimeout = "ServiceTimeout";

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

    // Sending: what the user gave (checked before any network call)
    public const string RecipientRequired = "RecipientRequired";
    public const string InvalidEmailAddress = "InvalidEmailAddress";
    public const string TooManyRecipients = "TooManyRecipients";
    public const string SenderRequired = "SenderRequired";
    public const string AttachmentPathEmpty = "AttachmentPathEmpty";
    public const string AttachmentNotFound = "AttachmentNotFound";
    public const string AttachmentIsDirectory = "AttachmentIsDirectory";
    public const string AttachmentUnreadable = "AttachmentUnreadable";
    public const string AttachmentTooLarge = "AttachmentTooLarge";
    public const string MessageTooLarge = "MessageTooLarge";
    public const string InvalidInlineAttachmentId = "InvalidInlineAttachmentId";
    public const string InvalidHeaderName = "InvalidHeaderName";
    public const string InvalidHeaderValue = "InvalidHeaderValue";
    public const string TooManyHeaders = "TooManyHeaders";
    public const string InvalidSendParameter = "InvalidSendParameter";
    public const string InputWithoutMessage = "InputWithoutMessage";
    public const string InputNotRecognized = "InputNotRecognized";
    public const string PipelineInputConflict = "PipelineInputConflict";
    public const string InvalidCharacter = "InvalidCharacter";
    public const string BodyTooLarge = "BodyTooLarge";
    public const string AttachmentNotRegularFile = "AttachmentNotRegularFile";

    // Sending: what Graph answered (one row each in the engine's GraphErrorCatalog)
    public const string SenderMailboxNotFound = "SenderMailboxNotFound";
    public const string SenderMailboxNotEnabled = "SenderMailboxNotEnabled";
    public const string SenderOutOfAppScope = "SenderOutOfAppScope";
    public const string MailSendPermissionMissing = "MailSendPermissionMissing";
    public const string MailReadWritePermissionMissing = "MailReadWritePermissionMissing";
    public const string NoPermissionsInToken = "NoPermissionsInToken";
    public const string GraphTokenRejected = "GraphTokenRejected";
    public const string InvalidRecipients = "InvalidRecipients";
    public const string MessageSizeExceeded = "MessageSizeExceeded";
    public const string InvalidInternetMessageHeader = "InvalidInternetMessageHeader";
    public const string RequestTooLarge = "RequestTooLarge";
    public const string AttachmentBelowUploadMinimum = "AttachmentBelowUploadMinimum";
    public const string SendThrottled = "SendThrottled";
    public const string SendServiceUnavailable = "SendServiceUnavailable";
    public const string SendServiceError = "SendServiceError";
    public const string DraftNotFound = "DraftNotFound";
    public const string UploadSessionNotFound = "UploadSessionNotFound";
    public const string SendRejected = "SendRejected";

    // Sending: outcomes that are not a Graph refusal
    public const string SendOutcomeUnknown = "SendOutcomeUnknown";
    public const string SendConnectionFailed = "SendConnectionFailed";
    public const string SendNotStarted = "SendNotStarted";
    public const string SendDeclined = "SendDeclined";
    public const string DailyRecipientLimitReached = "DailyRecipientLimitReached";
    public const string JournalUnreadable = "JournalUnreadable";
    public const string JournalUnwritable = "JournalUnwritable";

    // Setup: Test-GraphMailSetup and New-GraphMailMailboxScope inputs
    public const string SetupInputConflict = "SetupInputConflict";
    public const string InvalidPolicyChangedAt = "InvalidPolicyChangedAt";
    public const string InvalidServicePrincipalObjectId = "InvalidServicePrincipalObjectId";
    public const string InvalidScopingName = "InvalidScopingName";
    public const string ExchangeCommandFailed = "ExchangeCommandFailed";

    // Admin sign-in and directory work: Connect-GraphMailAdmin, New-/Remove-GraphMailApplication
    public const string AdminSignInExpired = "AdminSignInExpired";
    public const string AdminSignInDeclined = "AdminSignInDeclined";
    public const string AdminUserNotFound = "AdminUserNotFound";
    public const string AdminSignInFailed = "AdminSignInFailed";
    public const string AdminSignInNotSupported = "AdminSignInNotSupported";
    public const string AdminNotConnected = "GraphMailAdminNotConnected";
    public const string AdminTenantMismatch = "AdminTenantMismatch";
    public const string DirectoryPermissionDenied = "DirectoryPermissionDenied";
    public const string DirectoryRequestFailed = "DirectoryRequestFailed";
    public const string ApplicationNotFound = "ApplicationNotFound";
    public const string ApplicationNameAmbiguous = "ApplicationNameAmbiguous";
    public const string InvalidApplicationName = "InvalidApplicationName";
    public const string InvalidRedirectUri = "InvalidRedirectUri";
    public const string InvalidCredentialLifetime = "InvalidCredentialLifetime";
    public const string CertificateCreationFailed = "CertificateCreationFailed";
    public const string CertificateStoreUnavailable = "CertificateStoreUnavailable";
    public const string CertificateFileExists = "CertificateFileExists";
    public const string CertificatePasswordRequired = "CertificatePasswordRequired";
    public const string CredentialNotAccepted = "CredentialNotAccepted";

    // Sandbox: Start-GraphMailSandbox and the cmdlets that read and steer it
    public const string SandboxNotStarted = "SandboxNotStarted";
    public const string SandboxFilesMissing = "SandboxFilesMissing";
    public const string SandboxDotnetNotFound = "SandboxDotnetNotFound";
    public const string SandboxAspNetCoreMissing = "SandboxAspNetCoreMissing";
    public const string SandboxStartFailed = "SandboxStartFailed";
    public const string SandboxStartTimeout = "SandboxStartTimeout";
    public const string SandboxUnreachable = "SandboxUnreachable";
    public const string SandboxControlRefused = "SandboxControlRefused";
    public const string InvalidSandboxFault = "InvalidSandboxFault";
}
