using GraphMail.Engine.Sending.Errors;

namespace GraphMail.Tests.Sending;

/// <summary>What Graph answered becomes one ErrorId, kind, cause and fix (graph-wire-spec §4.4).</summary>
public sealed class GraphErrorCatalogTests
{
    private const string From = "noreply@contoso.com";

    [Theory]
    [InlineData(GraphOperation.SendMail, 404, "ErrorInvalidUser", "The requested user 'x' is invalid.", ErrorIds.SenderMailboxNotFound, GraphMailErrorKind.ObjectNotFound)]
    [InlineData(GraphOperation.SendMail, 404, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise.", ErrorIds.SenderMailboxNotEnabled, GraphMailErrorKind.ResourceUnavailable)]
    [InlineData(GraphOperation.SendMail, 403, "ErrorAccessDenied", "Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.", ErrorIds.SenderOutOfAppScope, GraphMailErrorKind.PermissionDenied)]
    [InlineData(GraphOperation.CreateDraft, 403, "ErrorAccessDenied", "Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.", ErrorIds.SenderOutOfAppScope, GraphMailErrorKind.PermissionDenied)]
    [InlineData(GraphOperation.SendMail, 403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.", ErrorIds.MailSendPermissionMissing, GraphMailErrorKind.PermissionDenied)]
    [InlineData(GraphOperation.CreateDraft, 403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.", ErrorIds.MailReadWritePermissionMissing, GraphMailErrorKind.PermissionDenied)]
    [InlineData(GraphOperation.CreateUploadSession, 403, "ErrorAccessDenied", "Access is denied.", ErrorIds.MailReadWritePermissionMissing, GraphMailErrorKind.PermissionDenied)]
    [InlineData(GraphOperation.SendMail, 403, "NoPermissionsInAccessToken", "The token contains no permissions, or permissions can not be understood.", ErrorIds.NoPermissionsInToken, GraphMailErrorKind.PermissionDenied)]
    [InlineData(GraphOperation.SendMail, 401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.", ErrorIds.GraphTokenRejected, GraphMailErrorKind.Authentication)]
    [InlineData(GraphOperation.SendMail, 400, "ErrorInvalidRecipients", "At least one recipient is not valid.", ErrorIds.InvalidRecipients, GraphMailErrorKind.InvalidArgument)]
    [InlineData(GraphOperation.CreateUploadSession, 400, "ErrorMessageSizeExceeded", "The message exceeds the maximum supported size.", ErrorIds.MessageSizeExceeded, GraphMailErrorKind.LimitsExceeded)]
    [InlineData(GraphOperation.SendMail, 400, "InvalidInternetMessageHeader", "The internet message header name 'Foo' should start with 'x-' or 'X-'.", ErrorIds.InvalidInternetMessageHeader, GraphMailErrorKind.InvalidArgument)]
    [InlineData(GraphOperation.SendMail, 400, "InvalidInternetMessageHeaderCollection", "Maximum number of headers in one message should be less than or equal to 5.", ErrorIds.InvalidInternetMessageHeader, GraphMailErrorKind.InvalidArgument)]
    [InlineData(GraphOperation.SendMail, 413, "RequestEntityTooLarge", null, ErrorIds.RequestTooLarge, GraphMailErrorKind.LimitsExceeded)]
    [InlineData(GraphOperation.CreateUploadSession, 400, "ErrorAttachmentSizeShouldNotBeLessThanMinimumSize", "Attachment size must be greater than the minimum size.", ErrorIds.AttachmentBelowUploadMinimum, GraphMailErrorKind.InvalidOperation)]
    [InlineData(GraphOperation.SendMail, 429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", ErrorIds.SendThrottled, GraphMailErrorKind.LimitsExceeded)]
    [InlineData(GraphOperation.SendMail, 400, "ErrorSomethingNew", "Something new.", ErrorIds.SendRejected, GraphMailErrorKind.InvalidOperation)]
    public void EachGraphAnswerHasItsOwnErrorId(GraphOperation operation, int status, string code, string? message, string errorId, GraphMailErrorKind kind)
    {
        var error = GraphErrorCatalog.Map(operation, status, code, message, From, "req-1", "client-1");

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(code, error.ServiceCode);
        Assert.Equal(status, error.HttpStatus);
        Assert.Equal("req-1", error.RequestId);
        Assert.Equal("client-1", error.ClientRequestId);
        Assert.Contains("code: " + code, error.Message);
        Assert.Contains("request-id: req-1", error.Message);
    }

    [Fact]
    public void AScopedAwayMailboxIsNamedWithTheFix()
    {
        var error = GraphErrorCatalog.Map(GraphOperation.SendMail, 403, "ErrorAccessDenied", "Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.", From, null, null);

        Assert.Contains("scoped away from the mailbox 'noreply@contoso.com'", error.Cause);
        Assert.Contains("Test-ApplicationAccessPolicy", error.Fix);
    }

    [Fact]
    public void MissingMailSendSaysWhatToGrant() =>
        Assert.Contains("Mail.Send", GraphErrorCatalog.Map(GraphOperation.SendMail, 403, "ErrorAccessDenied", "Access is denied.", From, null, null).Fix);

    [Fact]
    public void TheErrorBodyIsReadCaseInsensitivelyAndToleratesJunk()
    {
        var body = GraphErrorBody.Parse("{\"Error\":{\"Code\":\"ErrorInvalidUser\",\"Message\":\"m\",\"InnerError\":{\"request-id\":\"r\"}}}");
        Assert.Equal(("ErrorInvalidUser", "m", "r"), (body.Code, body.Message, body.RequestId));
        Assert.Null(GraphErrorBody.Parse("<html>gateway</html>").Code);
        Assert.Null(GraphErrorBody.Parse(null).Code);
    }
}
