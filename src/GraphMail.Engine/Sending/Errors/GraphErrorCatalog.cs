using System;
using System.Collections.Generic;
using System.Linq;

namespace GraphMail.Engine.Sending.Errors;

/// <summary>
/// The one table from what Graph answered a send to what the user reads: ErrorId, kind, cause and fix
/// (graph-wire-spec §4.4). The first row that matches wins; the last rows are the catch-alls.
/// </summary>
public static class GraphErrorCatalog
{
    private const string MailSendFix =
        "Grant the app the Microsoft Graph application permission Mail.Send and give admin consent (Get-GraphMailConsentUrl), then reconnect.";

    private const string ReadWriteFix =
        "Grant the app the Microsoft Graph application permission Mail.ReadWrite and give admin consent, then reconnect; " +
        "or keep the attachments of a message under about 3 MB in total, which needs only Mail.Send.";

    private static readonly Row[] Rows =
    {
        new(code: "ErrorInvalidUser", id: ErrorIds.SenderMailboxNotFound, kind: GraphMailErrorKind.ObjectNotFound,
            cause: "The sender '{from}' is not a mailbox in this tenant that Graph can send from.",
            fix: "Use the address (or user ID) of a licensed user or shared mailbox in the tenant you connected to."),
        new(code: "MailboxNotEnabledForRESTAPI", id: ErrorIds.SenderMailboxNotEnabled, kind: GraphMailErrorKind.ResourceUnavailable,
            cause: "The sender '{from}' has no Exchange Online mailbox Graph can use: it is unlicensed, inactive, soft-deleted or on-premises.",
            fix: "Send from a mailbox hosted in Exchange Online (a licensed user or a shared mailbox)."),
        new(code: "ErrorAccessDenied", messageContains: new[] { "[RAOP]", "AccessPolicy", "Access to OData is disabled" },
            id: ErrorIds.SenderOutOfAppScope, kind: GraphMailErrorKind.PermissionDenied,
            cause: "The app is scoped away from the mailbox '{from}' by an Exchange application access policy or RBAC for Applications.",
            fix: "Add '{from}' to the policy's group or the role assignment's scope (Test-ApplicationAccessPolicy / Test-ServicePrincipalAuthorization), or send from a mailbox in scope; changes can take an hour to reach Graph."),
        new(code: "ErrorAccessDenied", operations: new[] { GraphOperation.CreateDraft, GraphOperation.AddAttachment, GraphOperation.CreateUploadSession, GraphOperation.DeleteDraft },
            id: ErrorIds.MailReadWritePermissionMissing, kind: GraphMailErrorKind.PermissionDenied,
            cause: "A message goes through a draft (attachments over about 3 MB, or -Delivery ExactlyOnce), which needs Mail.ReadWrite, and the app may not create a draft in '{from}'.",
            fix: ReadWriteFix),
        new(code: "ErrorAccessDenied", id: ErrorIds.MailSendPermissionMissing, kind: GraphMailErrorKind.PermissionDenied,
            cause: "The app may not send as '{from}': its token has no Mail.Send application permission.",
            fix: MailSendFix),
        new(code: "NoPermissionsInAccessToken", id: ErrorIds.NoPermissionsInToken, kind: GraphMailErrorKind.PermissionDenied,
            cause: "The app's token carries no permissions at all: admin consent has not been given for this tenant.",
            fix: MailSendFix),
        new(code: "InvalidAuthenticationToken", id: ErrorIds.GraphTokenRejected, kind: GraphMailErrorKind.Authentication,
            cause: "Graph did not accept the connection's access token, even after a fresh one was fetched.",
            fix: "Run Connect-GraphMail again; check that -Environment matches the tenant's cloud."),
        new(status: 401, id: ErrorIds.GraphTokenRejected, kind: GraphMailErrorKind.Authentication,
            cause: "Graph did not accept the connection's access token, even after a fresh one was fetched.",
            fix: "Run Connect-GraphMail again; check that -Environment matches the tenant's cloud."),
        new(code: "ErrorQuotaExceeded", operations: new[] { GraphOperation.SendMail, GraphOperation.SendDraft },
            id: ErrorIds.DailyRecipientLimitReached, kind: GraphMailErrorKind.LimitsExceeded,
            cause: "Exchange Online refused the message: '{from}' has reached its daily limit of message recipients (10,000 in a rolling 24 hours by default); it cannot send until the count drops below the limit.",
            fix: "Wait until the recipients sent in the past 24 hours drop below the limit, or send from another mailbox; use -Journal so GraphMail stops before the limit next time."),
        new(code: "ErrorInvalidRecipients", id: ErrorIds.InvalidRecipients, kind: GraphMailErrorKind.InvalidArgument,
            cause: "Graph refused at least one recipient of the message.",
            fix: "Check the To, Cc and Bcc addresses."),
        new(code: "ErrorMessageSizeExceeded", id: ErrorIds.MessageSizeExceeded, kind: GraphMailErrorKind.LimitsExceeded,
            cause: "The message is larger than the sender mailbox '{from}' may send (35 MB by default, base64 included).",
            fix: "Send smaller attachments, or have an Exchange admin raise the limit: Set-Mailbox '{from}' -MaxSendSize 150MB."),
        new(code: "InvalidInternetMessageHeader", prefix: true, id: ErrorIds.InvalidInternetMessageHeader, kind: GraphMailErrorKind.InvalidArgument,
            cause: "Graph refused the message's custom headers.",
            fix: "Use at most 5 headers whose names start with 'x-' and whose values are not empty."),
        new(status: 413, id: ErrorIds.RequestTooLarge, kind: GraphMailErrorKind.LimitsExceeded,
            cause: "The request was larger than Graph's 4 MB limit.",
            fix: "Shorten the body; attachments are moved to upload sessions automatically, but the body itself must stay under about 3 MB."),
        new(code: "ErrorAttachmentSizeShouldNotBeLessThanMinimumSize", id: ErrorIds.AttachmentBelowUploadMinimum, kind: GraphMailErrorKind.InvalidOperation,
            cause: "Graph refused an upload session for an attachment under its 3 MB minimum.",
            fix: "Report this as a GraphMail bug; attachments under 3 MB should not use an upload session."),
        new(status: 429, id: ErrorIds.SendThrottled, kind: GraphMailErrorKind.LimitsExceeded,
            cause: "Graph kept throttling the request (429) beyond the retries GraphMail allows.",
            fix: "Send fewer messages at a time, or try again later; Exchange allows 10,000 requests per 10 minutes and 4 at once per mailbox."),
        new(status: 503, id: ErrorIds.SendServiceUnavailable, kind: GraphMailErrorKind.ResourceUnavailable,
            cause: "Graph kept answering 503 Service Unavailable beyond the retries GraphMail allows; the message was not sent.",
            fix: "Try again later; https://status.cloud.microsoft shows outages."),
        new(status: 404, operations: new[] { GraphOperation.UploadChunk }, id: ErrorIds.UploadSessionNotFound, kind: GraphMailErrorKind.ObjectNotFound,
            cause: "The attachment's upload session is gone (it expired or was cancelled) and the attachment is not on the draft; the message was not sent.",
            fix: "Send it again; an upload session lasts about 15 minutes, so a very slow link may need a smaller file."),
        new(status: 404, operations: new[] { GraphOperation.AddAttachment, GraphOperation.CreateUploadSession, GraphOperation.SendDraft, GraphOperation.DeleteDraft },
            id: ErrorIds.DraftNotFound, kind: GraphMailErrorKind.ObjectNotFound,
            cause: "The draft GraphMail created in '{from}' is gone (someone or something deleted it); the message was not sent from it.",
            fix: "Send it again; if drafts keep disappearing, check the mailbox's retention or cleanup rules."),
        new(status: 404, id: ErrorIds.SenderMailboxNotFound, kind: GraphMailErrorKind.ObjectNotFound,
            cause: "Graph found no mailbox '{from}' to send from.",
            fix: "Use the address (or user ID) of a licensed user or shared mailbox in the tenant you connected to."),
        new(status: 403, id: ErrorIds.MailSendPermissionMissing, kind: GraphMailErrorKind.PermissionDenied,
            cause: "Graph refused the app access to '{from}'.",
            fix: MailSendFix),
    };

    /// <summary>The error for a definitive refusal. <paramref name="from"/> is the sender mailbox.</summary>
    public static GraphMailException Map(
        GraphOperation operation, int status, string? code, string? message, string from, string? requestId, string? clientRequestId)
    {
        var row = Rows.FirstOrDefault(r => r.Matches(operation, status, code, message));
        var exception = row is not null
            ? new GraphMailException(row.Id, row.Kind, Fill(row.Cause, from) + ServiceText(message), row.Fix is null ? null : Fill(row.Fix, from))
            : status >= 500
                ? ServiceError(operation, status, message)
                : new GraphMailException(ErrorIds.SendRejected, GraphMailErrorKind.InvalidOperation,
                    $"Graph refused the request ({Describe(operation)}): {message ?? "no message"}.",
                    "See the code and request-id below; a support case with Microsoft needs both.");
        if (row?.Id is ErrorIds.SenderMailboxNotFound or ErrorIds.SenderMailboxNotEnabled or ErrorIds.SenderOutOfAppScope)
        {
            exception.Targeting(from);   // the mailbox is what the user can change
        }

        return exception.WithService(code, status, requestId, clientRequestId);
    }

    /// <summary>Graph failed (5xx) at a step where that means the message was not sent: before the send, or on a request it may repeat.</summary>
    internal static GraphMailException ServiceError(GraphOperation operation, int status, string? message) =>
        new(ErrorIds.SendServiceError, GraphMailErrorKind.ResourceUnavailable,
            $"Graph failed with HTTP {status.ToString(System.Globalization.CultureInfo.InvariantCulture)} while {Describe(operation)}; the message was not sent." + ServiceText(message),
            "Try again later; if it keeps failing, a support case with Microsoft needs the request-id below.");

    internal static string Describe(GraphOperation operation) => operation switch
    {
        GraphOperation.SendMail => "sendMail",
        GraphOperation.CreateDraft => "creating the draft",
        GraphOperation.AddAttachment => "adding an attachment to the draft",
        GraphOperation.CreateUploadSession => "creating an upload session",
        GraphOperation.UploadChunk => "uploading an attachment",
        GraphOperation.SendDraft => "sending the draft",
        _ => "deleting the draft",
    };

    private static string ServiceText(string? message) =>
        string.IsNullOrWhiteSpace(message) ? string.Empty : " Graph said: " + message!.Trim().TrimEnd('.') + ".";

    private static string Fill(string text, string from) => text.Replace("{from}", from);

    private sealed class Row
    {
        private readonly string? _code;
        private readonly bool _prefix;
        private readonly int? _status;
        private readonly IReadOnlyList<string> _messageContains;
        private readonly IReadOnlyList<GraphOperation>? _operations;

        internal Row(string id, GraphMailErrorKind kind, string cause, string? fix, string? code = null, bool prefix = false, int? status = null,
            string[]? messageContains = null, GraphOperation[]? operations = null)
        {
            Id = id;
            Kind = kind;
            Cause = cause;
            Fix = fix;
            _code = code;
            _prefix = prefix;
            _status = status;
            _messageContains = messageContains ?? Array.Empty<string>();
            _operations = operations;
        }

        internal string Id { get; }
        internal GraphMailErrorKind Kind { get; }
        internal string Cause { get; }
        internal string? Fix { get; }

        internal bool Matches(GraphOperation operation, int status, string? code, string? message) =>
            (_code is null || (code is not null && (_prefix ? code.StartsWith(_code, StringComparison.OrdinalIgnoreCase) : code.Equals(_code, StringComparison.OrdinalIgnoreCase)))) &&
            (_status is null || _status == status) &&
            (_messageContains.Count == 0 || (message is not null && _messageContains.Any(m => message.IndexOf(m, StringComparison.OrdinalIgnoreCase) >= 0))) &&
            (_operations is null || _operations.Contains(operation));
    }
}
