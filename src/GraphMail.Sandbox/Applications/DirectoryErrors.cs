using GraphMail.Sandbox.Mail;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Sandbox.Applications;

/// <summary>The directory's refusals, in Graph's error envelope with Entra ID's directory codes.</summary>
internal static class DirectoryErrors
{
    internal const string InsufficientPrivileges = "Insufficient privileges to complete the operation.";

    internal static SandboxResponse Denied(SandboxRequest request) =>
        GraphErrors.Create(request, 403, "Authorization_RequestDenied", InsufficientPrivileges);

    internal static SandboxResponse NotFound(SandboxRequest request, string id) =>
        GraphErrors.Create(request, 404, "Request_ResourceNotFound",
            $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    internal static SandboxResponse BadRequest(SandboxRequest request, string message) =>
        GraphErrors.Create(request, 400, "Request_BadRequest", message);

    internal static SandboxResponse UnsupportedFilter(SandboxRequest request, string property, string resource) =>
        GraphErrors.Create(request, 400, "Request_UnsupportedQuery",
            $"Unsupported or invalid query filter clause specified for property '{property}' of resource '{resource}'.");
}
