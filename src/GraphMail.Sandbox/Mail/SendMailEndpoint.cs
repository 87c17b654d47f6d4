using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GraphMail.Sandbox.Hosting;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Sandbox.Mail;

/// <summary>POST /v1.0/users/{id|upn}/sendMail: 202 with an empty body when Exchange would accept the message.</summary>
internal sealed class SendMailEndpoint(SandboxState state)
{
    internal Task<SandboxResponse> HandleAsync(SandboxRequest request) => Task.FromResult(Handle(request));

    private SandboxResponse Handle(SandboxRequest request)
    {
        var grant = MailboxAccess.Resolve(state, request, MailboxAccess.Send, out var error);
        if (grant is null)
        {
            return error!;
        }

        if ((request.Header("Content-Type") ?? "").StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return GraphErrors.BadRequest(request, "ErrorMimeContentInvalidBase64String", "MIME sends (text/plain, base64) are not emulated by GraphMail.Sandbox.");
        }

        var body = JsonBody.Read(request, out error);
        if (body is null)
        {
            return error!;
        }

        if (body["message"] is not JsonObject messageNode)
        {
            return GraphErrors.BadRequest(request, "ErrorInvalidParameter", "The value of the parameter 'Message' is empty.");
        }

        if (JsonBody.ReadBoolean(request, body["saveToSentItems"], fallback: true, out error) is not { } saveToSentItems)
        {
            return error!;
        }

        var message = MessageReader.Read(messageNode, out var problem);
        problem ??= MessageRules.CheckForSending(message, message.Attachments, state.Settings.MaxRecipientsPerMessage, grant.MaxSendSize(state.Settings));
        if (problem is not null)
        {
            return GraphErrors.BadRequest(request, problem.Code, problem.Message);
        }

        if (Submission.Refuse(state, request, grant, message) is { } refused)
        {
            return refused;
        }

        Submission.Submit(state, request, grant, message, message.Attachments, saveToSentItems, MessageRecorder.SendMailPath, MessageIds.New());
        return SandboxResponse.Empty(202);
    }
}
