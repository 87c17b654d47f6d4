using System;
using System.Collections.Generic;
using System.Linq;

namespace GraphMail.Tests.Connections.Support;

/// <summary>
/// The process variables MSAL reads to pick a managed-identity source, saved and cleared for one test (so MSAL picks
/// IMDS whatever machine runs the tests), then restored. Process-wide: use in ManagedIdentityCollection only.
/// </summary>
internal sealed class ManagedIdentityVariables : IDisposable
{
    internal static readonly string[] Names =
        ["IDENTITY_ENDPOINT", "IDENTITY_HEADER", "IDENTITY_SERVER_THUMBPRINT", "MSI_ENDPOINT", "MSI_SECRET", "IMDS_ENDPOINT", "AZURE_POD_IDENTITY_AUTHORITY_HOST"];

    private readonly Dictionary<string, string?> _saved = Names.ToDictionary(n => n, Environment.GetEnvironmentVariable);

    private ManagedIdentityVariables()
    {
        foreach (var name in Names)
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    internal static ManagedIdentityVariables Cleared() => new();

    /// <summary>The variables as they are now: a test asserts that connecting changed none of them.</summary>
    internal static IReadOnlyDictionary<string, string?> Snapshot() => Names.ToDictionary(n => n, Environment.GetEnvironmentVariable);

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
