using System.Collections.Generic;
using GraphMail.Sandbox.Batch;
using GraphMail.Sandbox.Control;
using GraphMail.Sandbox.Delegated;
using GraphMail.Sandbox.Applications;
using GraphMail.Sandbox.Identity;
using GraphMail.Sandbox.Mail;
using GraphMail.Sandbox.Routing;
using GraphMail.Sandbox.Throttling;
using GraphMail.Sandbox.Uploads;

namespace GraphMail.Sandbox.Hosting;

/// <summary>Every route the sandbox serves, in one table.</summary>
internal static class SandboxRoutes
{
    internal static RouteTable Create(SandboxState state, SandboxControl control, SandboxDispatcher dispatcher)
    {
        var token = new TokenEndpoint(state);
        var discovery = new DiscoveryEndpoints(state);
        var managedIdentity = new ManagedIdentityEndpoints(state);
        var sendMail = new SendMailEndpoint(state);
        var drafts = new DraftEndpoints(state);
        var uploads = new UploadEndpoints(state, drafts);
        var batch = new BatchEndpoint(dispatcher);
        var controlApi = new ControlEndpoints(control);
        var deviceCode = new DeviceCodeEndpoint(state);
        var deviceLogin = new DeviceLoginPage(state);
        var applications = new ApplicationEndpoints(state);
        var principals = new ServicePrincipalEndpoints(state);

        ThrottleKey? MailboxKey(SandboxRequest request) => MailboxThrottleKey(state, request);

        var routes = new List<SandboxRoute>
        {
            new(RouteNames.Token, "POST", new("{tenant}/oauth2/v2.0/token"), RouteKind.Identity, token.HandleAsync),
            new(RouteNames.OpenId, "GET", new("{tenant}/v2.0/.well-known/openid-configuration"), RouteKind.Identity, discovery.OpenIdConfigurationV2Async),
            new(RouteNames.OpenId, "GET", new("{tenant}/.well-known/openid-configuration"), RouteKind.Identity, discovery.OpenIdConfigurationV1Async),
            new(RouteNames.Keys, "GET", new("{tenant}/discovery/v2.0/keys"), RouteKind.Identity, discovery.KeysAsync),
            new(RouteNames.Keys, "GET", new("{tenant}/discovery/keys"), RouteKind.Identity, discovery.KeysAsync),
            new(RouteNames.ManagedIdentity, "GET", new("msi/token"), RouteKind.Identity, managedIdentity.AppServiceAsync),
            new(RouteNames.ManagedIdentity, "POST", new("msi/token"), RouteKind.Identity, managedIdentity.AppServiceAsync),
            new(RouteNames.ManagedIdentity, "GET", new("metadata/identity/oauth2/token"), RouteKind.Identity, managedIdentity.ImdsAsync),
            new(RouteNames.DeviceCode, "POST", new("{tenant}/oauth2/v2.0/devicecode"), RouteKind.Identity, deviceCode.HandleAsync),
            new(RouteNames.DeviceLogin, "GET", new("devicelogin"), RouteKind.Identity, deviceLogin.ShowAsync),
            new(RouteNames.DeviceLogin, "POST", new("devicelogin"), RouteKind.Identity, deviceLogin.ApproveAsync),

            new(RouteNames.ListApplications, "GET", new("v1.0/applications"), RouteKind.Graph, applications.ListAsync),
            new(RouteNames.CreateApplication, "POST", new("v1.0/applications"), RouteKind.Graph, applications.CreateAsync),
            new(RouteNames.GetApplication, "GET", new("v1.0/applications/{id}"), RouteKind.Graph, applications.GetAsync),
            new(RouteNames.GetApplication, "GET", new("v1.0/applications(appId='{appId}')"), RouteKind.Graph, applications.GetAsync),
            new(RouteNames.UpdateApplication, "PATCH", new("v1.0/applications/{id}"), RouteKind.Graph, applications.UpdateAsync),
            new(RouteNames.UpdateApplication, "PATCH", new("v1.0/applications(appId='{appId}')"), RouteKind.Graph, applications.UpdateAsync),
            new(RouteNames.DeleteApplication, "DELETE", new("v1.0/applications/{id}"), RouteKind.Graph, applications.DeleteAsync),
            new(RouteNames.DeleteApplication, "DELETE", new("v1.0/applications(appId='{appId}')"), RouteKind.Graph, applications.DeleteAsync),
            new(RouteNames.AddPassword, "POST", new("v1.0/applications/{id}/addPassword"), RouteKind.Graph, applications.AddPasswordAsync),
            new(RouteNames.AddPassword, "POST", new("v1.0/applications(appId='{appId}')/addPassword"), RouteKind.Graph, applications.AddPasswordAsync),
            new(RouteNames.RemovePassword, "POST", new("v1.0/applications/{id}/removePassword"), RouteKind.Graph, applications.RemovePasswordAsync),
            new(RouteNames.RemovePassword, "POST", new("v1.0/applications(appId='{appId}')/removePassword"), RouteKind.Graph, applications.RemovePasswordAsync),

            new(RouteNames.ListServicePrincipals, "GET", new("v1.0/servicePrincipals"), RouteKind.Graph, principals.ListAsync),
            new(RouteNames.CreateServicePrincipal, "POST", new("v1.0/servicePrincipals"), RouteKind.Graph, principals.CreateAsync),
            new(RouteNames.GetServicePrincipal, "GET", new("v1.0/servicePrincipals/{id}"), RouteKind.Graph, principals.GetAsync),
            new(RouteNames.GetServicePrincipal, "GET", new("v1.0/servicePrincipals(appId='{appId}')"), RouteKind.Graph, principals.GetAsync),
            new(RouteNames.DeleteServicePrincipal, "DELETE", new("v1.0/servicePrincipals/{id}"), RouteKind.Graph, principals.DeleteAsync),
            new(RouteNames.DeleteServicePrincipal, "DELETE", new("v1.0/servicePrincipals(appId='{appId}')"), RouteKind.Graph, principals.DeleteAsync),
            new(RouteNames.ListAppRoleAssignments, "GET", new("v1.0/servicePrincipals/{id}/appRoleAssignedTo"), RouteKind.Graph, principals.ListAssignedToAsync),
            new(RouteNames.ListAppRoleAssignments, "GET", new("v1.0/servicePrincipals/{id}/appRoleAssignments"), RouteKind.Graph, principals.ListAssignmentsAsync),
            new(RouteNames.GrantAppRole, "POST", new("v1.0/servicePrincipals/{id}/appRoleAssignedTo"), RouteKind.Graph, principals.GrantAsync),
            new(RouteNames.GrantAppRole, "POST", new("v1.0/servicePrincipals/{id}/appRoleAssignments"), RouteKind.Graph, principals.GrantAsync),
            new(RouteNames.RevokeAppRole, "DELETE", new("v1.0/servicePrincipals/{id}/appRoleAssignedTo/{assignment}"), RouteKind.Graph, principals.RevokeAsync),
            new(RouteNames.RevokeAppRole, "DELETE", new("v1.0/servicePrincipals/{id}/appRoleAssignments/{assignment}"), RouteKind.Graph, principals.RevokeAsync),

            new(RouteNames.SendMail, "POST", new("v1.0/users/{user}/sendMail"), RouteKind.Graph, sendMail.HandleAsync, MailboxKey),
            new(RouteNames.CreateMessage, "POST", new("v1.0/users/{user}/messages"), RouteKind.Graph, drafts.CreateAsync, MailboxKey),
            new(RouteNames.GetMessage, "GET", new("v1.0/users/{user}/messages/{message}"), RouteKind.Graph, drafts.GetAsync, MailboxKey),
            new(RouteNames.ListMessages, "GET", new("v1.0/users/{user}/mailFolders/{folder}/messages"), RouteKind.Graph, drafts.ListAsync, MailboxKey),
            new(RouteNames.ListMessages, "GET", new("v1.0/users/{user}/mailFolders('{folder}')/messages"), RouteKind.Graph, drafts.ListAsync, MailboxKey),
            new(RouteNames.DeleteMessage, "DELETE", new("v1.0/users/{user}/messages/{message}"), RouteKind.Graph, drafts.DeleteAsync, MailboxKey),
            new(RouteNames.Send, "POST", new("v1.0/users/{user}/messages/{message}/send"), RouteKind.Graph, drafts.SendAsync, MailboxKey),
            new(RouteNames.AddAttachment, "POST", new("v1.0/users/{user}/messages/{message}/attachments"), RouteKind.Graph, drafts.AddAttachmentAsync, MailboxKey),
            new(RouteNames.CreateUploadSession, "POST", new("v1.0/users/{user}/messages/{message}/attachments/createUploadSession"), RouteKind.Graph,
                uploads.CreateSessionAsync, MailboxKey),
            new(RouteNames.Batch, "POST", new("v1.0/$batch"), RouteKind.GraphBatch, batch.HandleAsync),
            new(RouteNames.UploadChunk, "PUT", new(UploadEndpoints.UploadPathTemplate), RouteKind.Upload, uploads.UploadChunkAsync, uploads.ThrottleKeyOf),
            new(RouteNames.CancelUpload, "DELETE", new(UploadEndpoints.UploadPathTemplate), RouteKind.Upload, uploads.CancelAsync, uploads.ThrottleKeyOf),
        };
        routes.AddRange(controlApi.Routes());
        return new RouteTable(routes);
    }

    /// <summary>The caller's app and the addressed mailbox (its UPN when it exists, else the path segment).</summary>
    private static ThrottleKey? MailboxThrottleKey(SandboxState state, SandboxRequest request)
    {
        if (request.Caller is not { } caller)
        {
            return null;
        }

        var segment = request.RouteValue("user");
        var mailbox = state.Directory.FindTenant(caller.TenantId.ToString())?.FindUser(segment);
        return new ThrottleKey(caller.AppId, (mailbox?.UserPrincipalName ?? segment).ToLowerInvariant());
    }
}
