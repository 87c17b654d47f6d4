using System.Linq;

namespace GraphMail.Engine.Connections.Admin;

/// <summary>
/// The least delegated permissions directory work needs (Graph's permission tables): Application.ReadWrite.All to
/// register apps, service principals and credentials; AppRoleAssignment.ReadWrite.All to grant Mail.Send.
/// </summary>
internal static class AdminScopes
{
    internal static readonly string[] Names = ["Application.ReadWrite.All", "AppRoleAssignment.ReadWrite.All"];

    /// <summary>The scopes as MSAL asks for them: the cloud's Graph resource, then the permission.</summary>
    internal static string[] For(CloudEnvironment cloud) => Names.Select(name => cloud.GraphResource + "/" + name).ToArray();
}
