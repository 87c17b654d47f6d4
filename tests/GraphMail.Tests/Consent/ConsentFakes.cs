using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Consent;
using GraphMail.Engine.Consent.Browser;
using GraphMail.Engine.Consent.Discovery;

namespace GraphMail.Tests.Consent;

/// <summary>A tenant directory that answers from a table and remembers what it was asked.</summary>
internal sealed class FakeTenantDirectory : ITenantDirectory
{
    private readonly Func<string, TenantDetails> _answer;

    internal FakeTenantDirectory(Func<string, TenantDetails> answer) => _answer = answer;

    internal List<(Uri Authority, string Tenant, string Where)> Calls { get; } = new();

    /// <summary>Fails the test if asked anything: for paths that must not touch the network.</summary>
    internal static FakeTenantDirectory MustNotBeCalled() => new(t => throw new InvalidOperationException("The directory was asked for " + t));

    internal static FakeTenantDirectory Answering(string tenantId, string cloudInstance = "microsoftonline.com", string region = "EU") =>
        new(_ => new TenantDetails(tenantId, cloudInstance, region));

    public Task<TenantDetails> FindAsync(Uri authorityBase, string tenant, string where, SandboxEndpoint? sandbox, CancellationToken cancellationToken)
    {
        Calls.Add((authorityBase, tenant, where));
        return Task.FromResult(_answer(tenant));
    }
}

/// <summary>A browser that never starts: it records the URL and answers as told.</summary>
internal sealed class FakeBrowser : IBrowserLauncher
{
    private readonly BrowserLaunch _answer;

    internal FakeBrowser(BrowserLaunch answer) => _answer = answer;

    internal List<string> Opened { get; } = new();

    public BrowserLaunch Open(string url)
    {
        Opened.Add(url);
        return _answer;
    }
}

internal static class ConsentSamples
{
    internal const string ClientId = "11111111-2222-3333-4444-555555555555";
    internal const string TenantId = "aaaabbbb-0000-cccc-1111-dddd2222eeee";
    internal const string State = "s1";

    internal static ConsentLinkService Service(ITenantDirectory? directory = null, IBrowserLauncher? browser = null) =>
        new(directory ?? FakeTenantDirectory.MustNotBeCalled(), browser ?? new FakeBrowser(BrowserLaunch.Started));

    internal static ConsentLinkRequest Request(
        string tenant = "contoso.com",
        ConsentUrlForm form = ConsentUrlForm.V1,
        GraphMailEnvironment environment = GraphMailEnvironment.Global,
        string? redirectUri = null,
        string? state = State,
        bool skipLookup = true,
        string clientId = ClientId) => new()
    {
        ClientId = clientId,
        Tenant = tenant,
        Form = form,
        Environment = environment,
        RedirectUri = redirectUri,
        State = state,
        SkipTenantLookup = skipLookup,
    };

    internal static ConsentLink Link(ConsentLinkRequest request, ITenantDirectory? directory = null) =>
        Service(directory).CreateAsync(request, CancellationToken.None).GetAwaiter().GetResult().Link;

    internal static GraphMailException Error(ConsentLinkRequest request, ITenantDirectory? directory = null) =>
        Assert.ThrowsAsync<GraphMailException>(() => Service(directory).CreateAsync(request, CancellationToken.None)).GetAwaiter().GetResult();
}
