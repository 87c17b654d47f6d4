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
    public const string ListMessages = "listMessages";
    public const string DeleteMessage = "deleteMessage";
    public const string AddAttachment = "addAttachment";
    public const string CreateUploadSession = "createUploadSession";
    public const string UploadChunk = "uploadChunk";
    public const string CancelUpload = "cancelUpload";
    public const string Send = "send";
    public const string Batch = "batch";
    public const string DeviceCode = "deviceCode";
    public const string DeviceLogin = "deviceLogin";
    public const string ListApplications = "listApplications";
    public const string CreateApplication = "createApplication";
    public const string GetApplication = "getApplication";
    public const string UpdateApplication = "updateApplication";
    public const string DeleteApplication = "deleteApplication";
    public const string AddPassword = "addPassword";
    public const string RemovePassword = "removePassword";
    public const string ListServicePrincipals = "listServicePrincipals";
    public const string CreateServicePrincipal = "createServicePrincipal";
    public const string GetServicePrincipal = "getServicePrincipal";
    public const string DeleteServicePrincipal = "deleteServicePrincipal";
    public const string ListAppRoleAssignments = "listAppRoleAssignments";
    public const string GrantAppRole = "grantAppRole";
    public const string RevokeAppRole = "revokeAppRole";

    /// <summary>A request that matched no route (logged, answered 404 or 405).</summary>
    public const string Unmatched = "unmatched";

    public static IReadOnlyList<string> All { get; } =
    [
        Token, ManagedIdentity, OpenId, Keys, SendMail, CreateMessage, GetMessage, ListMessages, DeleteMessage,
        AddAttachment, CreateUploadSession, UploadChunk, CancelUpload, Send, Batch,
        DeviceCode, DeviceLogin, ListApplications, CreateApplication, GetApplication, UpdateApplication, DeleteApplication, AddPassword,
        RemovePassword, ListServicePrincipals, CreateServicePrincipal, GetServicePrincipal, DeleteServicePrincipal, ListAppRoleAssignments,
        GrantAppRole, RevokeAppRole,
    ];
}
