using System.Collections.Generic;

namespace GraphMail.Sandbox.Routing;

/// <summary>Route names, as used in the request log and by faults.</summary>
public static class RouteNames
{
    public const string Token = "token";
    public const string ManagedIdentity = "managedIdentity";
    public const string OpenId = "openid";
    public const string Keys = "keys";
    public const string SendMail = "sendMail";
    public const string CreateMessage = "createMessage";
    public const string GetMessage = "getMessage";
    public const string DeleteMessage = "deleteMessage";
    public const string AddAttachment = "addAttachment";
    public const string CreateUploadSession = "createUploadSession";
    public const string UploadChunk = "uploadChunk";
    public const string CancelUpload = "cancelUpload";
    public const string Send = "send";
    public const string Batch = "batch";

    /// <summary>A request that matched no route (logged, answered 404 or 405).</summary>
    public const string Unmatched = "unmatched";

    public static IReadOnlyList<string> All { get; } =
    [
        Token, ManagedIdentity, OpenId, Keys, SendMail, CreateMessage, GetMessage, DeleteMessage,
        AddAttachment, CreateUploadSession, UploadChunk, CancelUpload, Send, Batch,
    ];
}
