using System;
using System.Collections.Generic;
using System.Reflection;
using GraphMail.Sandbox;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace GraphMail.Tests.Infrastructure;

/// <summary>
/// Points MSAL's managed identity support at a sandbox through the environment variables MSAL 4.92 reads, and puts
/// them back on Dispose. Environment variables are process-wide: use it only in a collection with
/// DisableParallelization (see <see cref="ManagedIdentityCollection"/>).
/// MSAL caches the IMDS base URL for the process (ImdsManagedIdentitySource.s_cachedBaseEndpoint), so this also calls
/// MSAL's own internal reset hook, ManagedIdentityClient.ResetSourceForTest, before and after.
/// </summary>
internal sealed class SandboxManagedIdentityEnvironment : IDisposable
{
    internal const string IdentityEndpoint = "IDENTITY_ENDPOINT";
    internal const string IdentityHeader = "IDENTITY_HEADER";
    internal const string ImdsAuthorityHost = "AZURE_POD_IDENTITY_AUTHORITY_HOST";

    private static readonly string[] Variables = [IdentityEndpoint, IdentityHeader, ImdsAuthorityHost, "IDENTITY_SERVER_THUMBPRINT", "MSI_ENDPOINT", "MSI_SECRET", "IMDS_ENDPOINT"];
    private readonly Dictionary<string, string?> _saved = new();

    private SandboxManagedIdentityEnvironment(IReadOnlyDictionary<string, string?> values)
    {
        foreach (var name in Variables)
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, values.GetValueOrDefault(name));
        }

        ResetMsalCaches();
    }

    /// <summary>App Service / Azure Automation: IDENTITY_ENDPOINT + IDENTITY_HEADER.</summary>
    internal static SandboxManagedIdentityEnvironment AppService(SandboxServer server) => new(new Dictionary<string, string?>
    {
        [IdentityEndpoint] = server.ConnectionInfo.ManagedIdentity.IdentityEndpoint,
        [IdentityHeader] = server.ConnectionInfo.ManagedIdentity.IdentityHeader,
    });

    /// <summary>IMDS: no App Service variables, AZURE_POD_IDENTITY_AUTHORITY_HOST = the sandbox origin.</summary>
    internal static SandboxManagedIdentityEnvironment Imds(SandboxServer server) => new(new Dictionary<string, string?>
    {
        [ImdsAuthorityHost] = server.ConnectionInfo.ManagedIdentity.ImdsEndpoint,
    });

    /// <summary>
    /// A managed identity application wired to the sandbox's pinned certificate. MSAL shares managed identity tokens
    /// across applications in a process: use WithForceRefresh(true) when a test needs the request to reach the sandbox.
    /// </summary>
    internal static IManagedIdentityApplication CreateApplication(SandboxServer server, ManagedIdentityId id) =>
        ManagedIdentityApplicationBuilder.Create(id)
            .WithHttpClientFactory(new PinnedMsalHttpClientFactory(server.CertificateThumbprint))
            .Build();

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        ResetMsalCaches();
    }

    private static void ResetMsalCaches()
    {
        var client = typeof(ManagedIdentityApplicationBuilder).Assembly.GetType("Microsoft.Identity.Client.ManagedIdentity.ManagedIdentityClient", throwOnError: true)!;
        var reset = client.GetMethod("ResetSourceForTest", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            ?? throw new InvalidOperationException("MSAL no longer has ManagedIdentityClient.ResetSourceForTest; check how this MSAL version caches the managed identity source.");
        reset.Invoke(null, null);
    }
}

/// <summary>Tests that change process environment variables for MSAL run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ManagedIdentityCollection
{
    internal const string Name = "Managed identity environment";
}
