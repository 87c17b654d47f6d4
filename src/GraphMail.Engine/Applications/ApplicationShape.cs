using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Graph.Models;

namespace GraphMail.Engine.Applications;

/// <summary>What GraphMail's app registration looks like, and what an existing one lacks of it.</summary>
internal static class ApplicationShape
{
    internal const string SingleTenant = "AzureADMyOrg";
    internal const string MultiTenant = "AzureADMultipleOrgs";
    internal const string DefaultRedirectUri = "https://localhost";
    internal const string MailSend = "Mail.Send";

    internal static string? RedirectUriFor(ApplicationRequest request) =>
        request.RedirectUri ?? (request.MultiTenant ? DefaultRedirectUri : null);

    internal static Application New(ApplicationRequest request, Guid mailSendRoleId) => new()
    {
        DisplayName = request.DisplayName,
        SignInAudience = request.MultiTenant ? MultiTenant : SingleTenant,
        RequiredResourceAccess = [MailSendAccess(mailSendRoleId)],
        Web = RedirectUriFor(request) is { } redirect ? new WebApplication { RedirectUris = [redirect] } : null,
    };

    /// <summary>The changes an existing registration needs (null: none), with what they are, for the step's detail.</summary>
    internal static (Application? Changes, string What) Completion(Application existing, ApplicationRequest request, Guid mailSendRoleId)
    {
        var changes = new Application();
        var what = new List<string>();
        var required = existing.RequiredResourceAccess ?? [];
        var graph = required.FirstOrDefault(r => r.ResourceAppId == DirectoryClient.GraphAppId);
        if (graph?.ResourceAccess?.Any(a => a.Id == mailSendRoleId && a.Type == "Role") != true)
        {
            var others = required.Where(r => r != graph).ToList();
            var access = (graph?.ResourceAccess ?? []).Append(new ResourceAccess { Id = mailSendRoleId, Type = "Role" }).ToList();
            changes.RequiredResourceAccess = others.Append(new RequiredResourceAccess { ResourceAppId = DirectoryClient.GraphAppId, ResourceAccess = access }).ToList();
            what.Add("Mail.Send (application permission) added to its API permissions");
        }

        if (request.MultiTenant && !string.Equals(existing.SignInAudience, MultiTenant, StringComparison.OrdinalIgnoreCase))
        {
            changes.SignInAudience = MultiTenant;
            what.Add("made multi-tenant");
        }

        var redirect = RedirectUriFor(request);
        var redirects = existing.Web?.RedirectUris ?? [];
        if (redirect is not null && !redirects.Contains(redirect, StringComparer.OrdinalIgnoreCase))
        {
            changes.Web = new WebApplication { RedirectUris = redirects.Append(redirect).ToList() };
            what.Add("redirect URI " + redirect + " added");
        }

        return (what.Count == 0 ? null : changes, string.Join("; ", what));
    }

    private static RequiredResourceAccess MailSendAccess(Guid mailSendRoleId) => new()
    {
        ResourceAppId = DirectoryClient.GraphAppId,
        ResourceAccess = [new ResourceAccess { Id = mailSendRoleId, Type = "Role" }],
    };
}
