using System.Collections.Generic;
using GraphMail.Sandbox.Batch;
using GraphMail.Sandbox.Control;
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

            new(RouteNames.SendMail, "POST", new("v1.0/users/{user}/sendMail"), RouteKind.Graph, sendMail.HandleAsync, MailboxKey),
            new(RouteNames.CreateMessage, "POST", new("v1.0/users/{user}/messages"), RouteKind.Graph, drafts.CreateAsync, MailboxKey),
            new(RouteNames.GetMessage, "GET", new("v1.0/users/{user}/messages/{message}"), RouteKind.Graph, drafts.GetAsync, MailboxKey),
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
