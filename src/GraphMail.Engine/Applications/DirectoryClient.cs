using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections.Admin;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace GraphMail.Engine.Applications;

/// <summary>
/// The directory calls GraphMail makes, through Microsoft.Graph's typed client on the admin's connection: applications
/// and service principals by name or app ID, Microsoft Graph's own service principal, consent, credentials, deletion.
/// Each failure becomes a GraphMailException that names the step.
/// </summary>
internal sealed class DirectoryClient
{
    /// <summary>Microsoft Graph's well-known app ID (the resource whose app roles are Graph's application permissions).</summary>
    internal const string GraphAppId = "00000003-0000-0000-c000-000000000000";

    private readonly AdminConnection _admin;

    internal DirectoryClient(AdminConnection admin) => _admin = admin;

    private GraphServiceClient Graph => _admin.Graph;

    internal Task<List<Application>> FindApplicationsByNameAsync(string displayName, CancellationToken cancellationToken) =>
        CallAsync("look up apps named '" + displayName + "'", async () =>
            (await Graph.Applications.GetAsync(r =>
            {
                r.QueryParameters.Filter = "displayName eq '" + Quote(displayName) + "'";
                r.QueryParameters.Select = ["id", "appId", "displayName", "signInAudience", "web", "requiredResourceAccess", "keyCredentials", "passwordCredentials"];
            }, cancellationToken).ConfigureAwait(false))?.Value ?? []);

    internal Task<Application?> FindApplicationByAppIdAsync(string appId, CancellationToken cancellationToken) =>
        CallAsync("look up app " + appId, async () =>
            (await Graph.Applications.GetAsync(r =>
            {
                r.QueryParameters.Filter = "appId eq '" + Quote(appId) + "'";
                r.QueryParameters.Select = ["id", "appId", "displayName", "signInAudience", "web", "requiredResourceAccess", "keyCredentials", "passwordCredentials"];
            }, cancellationToken).ConfigureAwait(false))?.Value?.FirstOrDefault());

    internal Task<Application> CreateApplicationAsync(Application application, CancellationToken cancellationToken) =>
        CallAsync("register app '" + application.DisplayName + "'", async () =>
            (await Graph.Applications.PostAsync(application, cancellationToken: cancellationToken).ConfigureAwait(false))!);

    internal Task UpdateApplicationAsync(string objectId, Application changes, string what, CancellationToken cancellationToken) =>
        CallAsync(what, async () =>
        {
            await Graph.Applications[objectId].PatchAsync(changes, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        });

    internal Task<PasswordCredential> AddPasswordAsync(string objectId, PasswordCredential credential, CancellationToken cancellationToken) =>
        CallAsync("add a client secret", async () =>
            (await Graph.Applications[objectId].AddPassword.PostAsync(
                new Microsoft.Graph.Applications.Item.AddPassword.AddPasswordPostRequestBody { PasswordCredential = credential },
                cancellationToken: cancellationToken).ConfigureAwait(false))!);

    internal Task DeleteApplicationAsync(string objectId, CancellationToken cancellationToken) =>
        CallAsync("delete the app registration", async () =>
        {
            await Graph.Applications[objectId].DeleteAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        });

    internal Task<ServicePrincipal?> FindServicePrincipalAsync(string appId, CancellationToken cancellationToken) =>
        CallAsync("look up the service principal of " + appId, async () =>
            (await Graph.ServicePrincipals.GetAsync(r => r.QueryParameters.Filter = "appId eq '" + Quote(appId) + "'", cancellationToken)
                .ConfigureAwait(false))?.Value?.FirstOrDefault());

    internal Task<ServicePrincipal> CreateServicePrincipalAsync(string appId, CancellationToken cancellationToken) =>
        CallAsync("create the service principal (enterprise application)", async () =>
            (await Graph.ServicePrincipals.PostAsync(new ServicePrincipal { AppId = appId }, cancellationToken: cancellationToken).ConfigureAwait(false))!);

    internal Task DeleteServicePrincipalAsync(string objectId, CancellationToken cancellationToken) =>
        CallAsync("delete the service principal (enterprise application)", async () =>
        {
            await Graph.ServicePrincipals[objectId].DeleteAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        });

    /// <summary>Microsoft Graph's service principal in this tenant, whose app roles define Mail.Send.</summary>
    internal async Task<ServicePrincipal> MicrosoftGraphAsync(CancellationToken cancellationToken) =>
        await FindServicePrincipalAsync(GraphAppId, cancellationToken).ConfigureAwait(false)
        ?? throw new GraphMailException(ErrorIds.DirectoryRequestFailed, GraphMailErrorKind.ObjectNotFound,
            "Microsoft Graph's service principal (app ID " + GraphAppId + ") was not found in this tenant.",
            "Open Entra ID > Enterprise applications once as an administrator (it creates Microsoft Graph's), then run the command again.");

    internal Task<List<AppRoleAssignment>> AppRoleAssignmentsAsync(string principalId, CancellationToken cancellationToken) =>
        CallAsync("read the app's granted permissions", async () =>
            (await Graph.ServicePrincipals[principalId].AppRoleAssignments.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false))?.Value ?? []);

    internal Task<AppRoleAssignment> GrantAsync(string resourceId, string principalId, Guid appRoleId, CancellationToken cancellationToken) =>
        CallAsync("grant admin consent (app role assignment)", async () =>
            (await Graph.ServicePrincipals[resourceId].AppRoleAssignedTo.PostAsync(new AppRoleAssignment
            {
                PrincipalId = Guid.Parse(principalId),
                ResourceId = Guid.Parse(resourceId),
                AppRoleId = appRoleId,
            }, cancellationToken: cancellationToken).ConfigureAwait(false))!);

    /// <summary>A value inside an OData string literal: quotes doubled.</summary>
    internal static string Quote(string value) => value.Replace("'", "''");

    private async Task<T> CallAsync<T>(string step, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw DirectoryFailures.Map(e, _admin, step);
        }
    }
}
