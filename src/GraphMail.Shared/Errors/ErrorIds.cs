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
    public const string SendRejected = "SendRejected";

    // Sending: outcomes that are not a Graph refusal
    public const string SendOutcomeUnknown = "SendOutcomeUnknown";
    public const string SendConnectionFailed = "SendConnectionFailed";
    public const string AttachmentUploadFailed = "AttachmentUploadFailed";
    public const string SendNotStarted = "SendNotStarted";
}
