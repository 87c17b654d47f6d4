using System.Collections.Generic;

namespace GraphMail;

/// <summary>
/// The route and fault-kind names GraphMail.Sandbox accepts, in one place: Add-GraphMailSandboxFault's ValidateSet
/// lists these constants, and a test holds both lists to what the sandbox accepts.
/// </summary>
public static class SandboxFaultNames
{
    public const string TokenRoute = "token";
    public const string ManagedIdentityRoute = "managedIdentity";
    public const string OpenIdRoute = "openid";
    public const string KeysRoute = "keys";
    public const string SendMailRoute = "sendMail";
    public const string CreateMessageRoute = "createMessage";
    public const string GetMessageRoute = "getMessage";
    public const string DeleteMessageRoute = "deleteMessage";
    public const string AddAttachmentRoute = "addAttachment";
    public const string CreateUploadSessionRoute = "createUploadSession";
    public const string UploadChunkRoute = "uploadChunk";
    public const string CancelUploadRoute = "cancelUpload";
    public const string SendRoute = "send";
    public const string BatchRoute = "batch";

    public const string Latency = "latency";
    public const string Throttle = "throttle";
    public const string Unavailable = "unavailable";
    public const string GatewayTimeoutAfterAccept = "gatewayTimeoutAfterAccept";
    public const string ResetBeforeProcessing = "resetBeforeProcessing";
    public const string ResetAfterAccept = "resetAfterAccept";
    public const string TokenExpired = "tokenExpired";

    public static IReadOnlyList<string> Routes { get; } = new[]
    {
        TokenRoute, ManagedIdentityRoute, OpenIdRoute, KeysRoute, SendMailRoute, CreateMessageRoute, GetMessageRoute,
        DeleteMessageRoute, AddAttachmentRoute, CreateUploadSessionRoute, UploadChunkRoute, CancelUploadRoute, SendRoute, BatchRoute,
    };

    public static IReadOnlyList<string> Kinds { get; } = new[]
    {
        Latency, Throttle, Unavailable, GatewayTimeoutAfterAccept, ResetBeforeProcessing, ResetAfterAccept, TokenExpired,
    };
}
