using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections.Failures;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;
using Microsoft.Identity.Client.ManagedIdentity;

namespace GraphMail.Engine.Connections.Tokens;

/// <summary>
/// A managed identity through MSAL's ManagedIdentityApplication, which finds the source from the process's
/// environment (App Service and Azure Automation: IDENTITY_ENDPOINT + IDENTITY_HEADER; otherwise IMDS).
/// MSAL keeps one token cache for every managed-identity application in the process, so each sandbox connection's
/// tokens are kept apart (from real ones and from each other) by an extra query parameter, part of MSAL's cache key.
/// </summary>
internal sealed class ManagedIdentityTokenSource : MsalTokenSource
{
    internal const string SandboxPartitionParameter = "graphmail_sandbox";

    private readonly IManagedIdentityApplication _application;
    private readonly string _resource;

    private ManagedIdentityTokenSource(IManagedIdentityApplication application, string resource, FailureContext failures, string host)
        : base(failures, host)
    {
        _application = application;
        _resource = resource;
    }

    internal static ManagedIdentityTokenSource Create(ConnectionPlan plan, IMsalHttpClientFactory httpClientFactory)
    {
        var userAssigned = ((ManagedIdentityCredential)plan.Credential).UserAssignedClientId;
        var builder = ManagedIdentityApplicationBuilder
            .Create(userAssigned is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.WithUserAssignedClientId(userAssigned))
            .WithHttpClientFactory(httpClientFactory)
            .WithClientName("GraphMail");
        if (plan.Sandbox is not null)
        {
            RequireSourceTheSandboxServes(plan.Sandbox);
            builder = builder
                .WithExperimentalFeatures()
                .WithExtraQueryParameters(new Dictionary<string, string> { [SandboxPartitionParameter] = Guid.NewGuid().ToString("N") });
        }

        return new ManagedIdentityTokenSource(builder.Build(), plan.GraphResource, plan.Failures, plan.Sandbox is null ? SourceName() : plan.AuthorityHost);
    }

    // GetManagedIdentitySource is obsolete in favour of GetManagedIdentityCapabilitiesAsync, which probes IMDS over
    // the network and caches its answer for the whole process. GraphMail needs MSAL's environment-only decision.
#pragma warning disable CS0618

    /// <summary>What MSAL will call, for error messages: it decides from the environment at each request.</summary>
    private static string SourceName() =>
        ManagedIdentityApplication.GetManagedIdentitySource() switch
        {
            ManagedIdentitySource.AppService => "IDENTITY_ENDPOINT (App Service or Azure Automation)",
            ManagedIdentitySource.DefaultToImds or ManagedIdentitySource.Imds => "IMDS (169.254.169.254)",
            var other => "the " + other + " managed identity endpoint",
        };

    private static void RequireSourceTheSandboxServes(SandboxEndpoint sandbox)
    {
        var source = ManagedIdentityApplication.GetManagedIdentitySource();
        var (style, endpoint) = source switch
        {
            ManagedIdentitySource.AppService => ("identityEndpoint", sandbox.ManagedIdentity?.IdentityEndpoint),
            ManagedIdentitySource.DefaultToImds or ManagedIdentitySource.Imds => ("imdsEndpoint", sandbox.ManagedIdentity?.ImdsEndpoint),
            _ => throw new GraphMailException(ErrorIds.ManagedIdentitySourceNotSupported, GraphMailErrorKind.NotSupported,
                $"This process's environment makes MSAL use the {source} managed identity source, which GraphMail.Sandbox does not emulate.",
                "Run sandbox managed-identity tests where MSAL picks IMDS (no managed-identity variables set) or App Service (IDENTITY_ENDPOINT and IDENTITY_HEADER)."),
        };
        if (endpoint is null)
        {
            throw new GraphMailException(ErrorIds.ManagedIdentitySourceNotSupported, GraphMailErrorKind.NotSupported,
                $"MSAL will use the {source} managed identity source here, but the sandbox's ready line has no managedIdentity.{style}.",
                "Use a GraphMail.Sandbox build that serves managed identity, and pass its current ready line or connection file.");
        }
    }

#pragma warning restore CS0618

    private protected override Task<AuthenticationResult> ExecuteAsync(bool forceRefresh, CancellationToken cancellationToken) =>
        _application.AcquireTokenForManagedIdentity(_resource).WithForceRefresh(forceRefresh).ExecuteAsync(cancellationToken);
}
