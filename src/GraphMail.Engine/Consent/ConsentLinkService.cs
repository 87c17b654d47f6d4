using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Consent.Browser;
using GraphMail.Engine.Consent.Discovery;
using GraphMail.Engine.Consent.Links;

namespace GraphMail.Engine.Consent;

/// <summary>
/// Makes an admin-consent link: checks every input first, looks the tenant up in the cloud's (or the sandbox's)
/// OpenID configuration unless told not to, writes the URL, and opens it in a browser when asked.
/// </summary>
public sealed class ConsentLinkService
{
    private readonly ITenantDirectory _directory;
    private readonly IBrowserLauncher _browser;

    public ConsentLinkService(ITenantDirectory directory, IBrowserLauncher browser)
    {
        _directory = directory;
        _browser = browser;
    }

    public static ConsentLinkService Default { get; } = new(OpenIdTenantDirectory.Default, SystemBrowserLauncher.ForThisMachine());

    public async Task<ConsentLinkResult> CreateAsync(ConsentLinkRequest request, CancellationToken cancellationToken)
    {
        var clientId = ConsentInputRules.ClientId(request.ClientId);
        var tenant = ConsentTenant.Parse(request.Tenant, request.Form);
        var redirectUri = ConsentInputRules.RedirectUri(request.RedirectUri, request.Form);
        var state = ConsentInputRules.State(request.State, RandomState.Create);
        var sandbox = request.Sandbox is null ? null : SandboxEndpoint.Parse(request.Sandbox);

        var cloud = CloudEnvironments.Get(request.Environment);
        var authority = sandbox?.AuthorityBaseUri ?? cloud.AuthorityBaseUri;
        var notes = new ConsentLinkNotes(tenant, redirectUri, sandbox);
        var details = await LookUpAsync(request.SkipTenantLookup, tenant, cloud, authority, sandbox, notes, cancellationToken).ConfigureAwait(false);

        var url = ConsentUrl.Build(request.Form, authority, tenant.Value, clientId, cloud.GraphResource, redirectUri, state);
        var link = new ConsentLink(
            url: url,
            form: request.Form,
            environment: cloud.Name,
            clientId: clientId,
            tenantDomain: tenant.Kind == ConsentTenantKind.Domain ? tenant.Value : string.Empty,
            tenantId: details?.TenantId ?? (tenant.Kind == ConsentTenantKind.Id ? tenant.Value : string.Empty),
            redirectUri: redirectUri,
            state: state,
            tenantRegion: details?.RegionScope ?? string.Empty,
            cloudInstance: details?.CloudInstanceName ?? string.Empty,
            notes: notes.All);
        return new ConsentLinkResult(link, request.OpenInBrowser ? Open(url) : Array.Empty<string>());
    }

    private async Task<TenantDetails?> LookUpAsync(
        bool skip, ConsentTenant tenant, CloudEnvironment cloud, Uri authority, SandboxEndpoint? sandbox, ConsentLinkNotes notes, CancellationToken cancellationToken)
    {
        if (tenant.IsKeyword)
        {
            return null;
        }

        if (skip)
        {
            notes.LookupSkipped();
            return null;
        }

        var where = sandbox is null ? $"{cloud.Name} ({cloud.AuthorityHost})" : $"the GraphMail.Sandbox at {sandbox.AuthorityBaseUri}";
        var details = await _directory.FindAsync(authority, tenant.Value, where, sandbox, cancellationToken).ConfigureAwait(false);
        notes.Add(CloudCheck.Ensure(cloud, details, tenant.Value));
        return details;
    }

    private IReadOnlyList<string> Open(string url)
    {
        var launch = _browser.Open(url);
        return launch.Opened
            ? Array.Empty<string>()
            : new[] { $"No browser was opened: {launch.Reason}. Paste this link into a browser where an administrator of the tenant can sign in: {url}" };
    }
}
