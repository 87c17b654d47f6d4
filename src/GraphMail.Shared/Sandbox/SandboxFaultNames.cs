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
    public const string ListMessagesRoute = "listMessages";
    public const string DeleteMessageRoute = "deleteMessage";
    public const string AddAttachmentRoute = "addAttachment";
    public const string CreateUploadSessionRoute = "createUploadSession";
    public const string UploadChunkRoute = "uploadChunk";
    public const string CancelUploadRoute = "cancelUpload";
    public const string SendRoute = "send";
    public const string BatchRoute = "batch";
    public const string DeviceCodeRoute = "deviceCode";
    public const string DeviceLoginRoute = "deviceLogin";
    public const string ListApplicationsRoute = "listApplications";
    public const string CreateApplicationRoute = "createApplication";
    public const string GetApplicationRoute = "getApplication";
    public const string UpdateApplicationRoute = "updateApplication";
    public const string DeleteApplicationRoute = "deleteApplication";
    public const string AddPasswordRoute = "addPassword";
    public const string RemovePasswordRoute = "removePassword";
    public const string ListServicePrincipalsRoute = "listServicePrincipals";
    public const string CreateServicePrincipalRoute = "createServicePrincipal";
    public const string GetServicePrincipalRoute = "getServicePrincipal";
    public const string DeleteServicePrincipalRoute = "deleteServicePrincipal";
    public const string ListAppRoleAssignmentsRoute = "listAppRoleAssignments";
    public const string GrantAppRoleRoute = "grantAppRole";
    public const string RevokeAppRoleRoute = "revokeAppRole";

    public const string Latency = "latency";
    public const string Throttle = "throttle";
    public const string Unavailable = "unavailable";
    public const string GatewayTimeoutAfterAccept = "gatewayTimeoutAfterAccept";
    public const string GatewayTimeout = "gatewayTimeout";
    public const string ResetBeforeProcessing = "resetBeforeProcessing";
    public const string ResetAfterAccept = "resetAfterAccept";
    public const string TokenExpired = "tokenExpired";

    public static IReadOnlyList<string> Routes { get; } = new[]
    {
        TokenRoute, ManagedIdentityRoute, OpenIdRoute, KeysRoute, SendMailRoute, CreateMessageRoute, GetMessageRoute, ListMessagesRoute,
        DeleteMessageRoute, AddAttachmentRoute, CreateUploadSessionRoute, UploadChunkRoute, CancelUploadRoute, SendRoute, BatchRoute,
        DeviceCodeRoute, DeviceLoginRoute, ListApplicationsRoute, CreateApplicationRoute, GetApplicationRoute, UpdateApplicationRoute,
        DeleteApplicationRoute, AddPasswordRoute, RemovePasswordRoute, ListServicePrincipalsRoute, CreateServicePrincipalRoute,
        GetServicePrincipalRoute, DeleteServicePrincipalRoute, ListAppRoleAssignmentsRoute, GrantAppRoleRoute, RevokeAppRoleRoute,
    };

    public static IReadOnlyList<string> Kinds { get; } = new[]
    {
        Latency, Throttle, Unavailable, GatewayTimeoutAfterAccept, GatewayTimeout, ResetBeforeProcessing, ResetAfterAccept, TokenExpired,
    };
}
