using System;
using GraphMail.Engine.Sending.Errors;
using GraphMail.Engine.Sending.Http;
using GraphMail.Engine.Sending.Model;

namespace GraphMail.Engine.Sending.Paths;

/// <summary>How a request's end becomes a message's status and error.</summary>
internal static class SendOutcomes
{
    /// <summary>The error for a request that did not succeed, in the words of the operation it was.</summary>
    internal static GraphMailException ErrorOf(OutgoingMessage message, GraphOperation operation, CallOutcome outcome)
    {
        var body = GraphErrorBody.Parse(outcome.Body);
        var requestId = outcome.RequestId ?? body.RequestId;
        switch (outcome.End)
        {
            case CallEnd.Stopped:
                return new GraphMailException(ErrorIds.SendNotStarted, GraphMailErrorKind.OperationStopped,
                    "The command was stopped before this message was sent; it was not sent.",
                    "Send it again when you are ready.").WithService(body.Code, outcome.Status, requestId, outcome.ClientRequestId);
            case CallEnd.Rejected when outcome.Failure is GraphMailException noToken:
                return noToken;
            case CallEnd.Ambiguous when operation is GraphOperation.SendMail or GraphOperation.SendDraft:
                return Unknown(message, operation, outcome, body.Code, requestId);
            case CallEnd.Ambiguous when outcome.Status is { } failedStatus:
                // Before the send, a request that may have been processed can leave a draft behind, never a mail.
                return GraphErrorCatalog.ServiceError(operation, failedStatus, body.Message).WithService(body.Code, failedStatus, requestId, outcome.ClientRequestId);
            case CallEnd.Ambiguous:
                return new GraphMailException(ErrorIds.SendConnectionFailed, GraphMailErrorKind.ConnectionError,
                    $"The connection to Graph failed while {GraphErrorCatalog.Describe(operation)} ({outcome.Failure?.Message}); the message was not sent.",
                    "Try again; if it keeps failing, check the network path to Graph.", outcome.Failure)
                    .WithService(null, null, null, outcome.ClientRequestId);
            case CallEnd.Exhausted when outcome.Status is null && outcome.Failure is { } failure && GraphCaller.IsSandboxGone(outcome.Uri, failure):
                return new GraphMailException(ErrorIds.SandboxUnreachable, GraphMailErrorKind.ConnectionError,
                    $"Nothing answers at {outcome.Uri!.GetLeftPart(UriPartial.Authority)}: the GraphMail.Sandbox this connection was made to is not running (it was stopped, or its process ended). The message was not sent.",
                    "Start a sandbox (Start-GraphMailSandbox) and connect to it again (Connect-GraphMail -Sandbox $sandbox ...).", failure)
                    .WithService(null, null, null, outcome.ClientRequestId);
            case CallEnd.Exhausted when outcome.Status is null:
                return new GraphMailException(ErrorIds.SendConnectionFailed, GraphMailErrorKind.ConnectionError,
                    $"Graph could not be reached ({GraphErrorCatalog.Describe(operation)}) after {outcome.Attempts} attempts: {outcome.Failure?.Message}",
                    "Check the network path to Graph (proxy, firewall, DNS); the message was not sent.", outcome.Failure)
                    .WithService(null, null, null, outcome.ClientRequestId);
            default:
                var status = outcome.Status ?? 0;
                return GraphErrorCatalog.Map(operation, status, body.Code, body.Message, message.From.Address, requestId, outcome.ClientRequestId)
                    .WithService(body.Code, status, requestId, outcome.ClientRequestId);
        }
    }

    /// <summary>The same error with one more sentence after its cause.</summary>
    internal static GraphMailException Annotate(GraphMailException error, string sentence) =>
        new GraphMailException(error.ErrorId, error.Kind, error.Cause + " " + sentence, error.Fix, error.InnerException)
            .WithService(error.ServiceCode, error.HttpStatus, error.RequestId, error.ClientRequestId);

    internal static SendStatus StatusOf(CallEnd end) => end switch
    {
        CallEnd.Succeeded => SendStatus.Sent,
        CallEnd.Ambiguous => SendStatus.Unknown,
        CallEnd.Stopped => SendStatus.NotSent,
        _ => SendStatus.Failed,
    };

    private static GraphMailException Unknown(OutgoingMessage message, GraphOperation operation, CallOutcome outcome, string? code, string? requestId)
    {
        var what = outcome.Status is { } status
            ? $"Graph answered HTTP {status} after the message was handed over"
            : $"the connection failed after the message was handed over ({outcome.Failure?.Message})";
        var kind = outcome.Status == 504 || outcome.Failure is OperationCanceledException
            ? GraphMailErrorKind.OperationTimeout
            : outcome.Status is null ? GraphMailErrorKind.ConnectionError : GraphMailErrorKind.ResourceUnavailable;
        return new GraphMailException(ErrorIds.SendOutcomeUnknown, kind,
                $"It is not known whether the message was sent ({GraphErrorCatalog.Describe(operation)}): {what}. GraphMail does not send it again, " +
                $"because a second attempt could deliver it twice. Its Message-ID is {message.InternetMessageId}.",
                $"Look for that Message-ID in the sender's Sent Items or a message trace (Get-MessageTraceV2 -MessageId '{message.InternetMessageId}') before sending it again.",
                outcome.Failure)
            .WithService(code, outcome.Status, requestId, outcome.ClientRequestId);
    }
}
