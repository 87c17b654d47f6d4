using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;

namespace GraphMail.Engine.Connections.Certificates;

/// <summary>
/// How a PFX's private key is imported, per platform, tried in order:
/// Linux: EphemeralKeySet (the key stays in memory; nothing is written).
/// Windows, PowerShell 7: EphemeralKeySet, then UserKeySet (some CNG/CAPI key providers refuse ephemeral import;
/// a user key file is removed again when the connection is disposed).
/// Windows PowerShell 5.1 (.NET Framework): UserKeySet (ephemeral keys break .NET Framework's legacy key paths).
/// macOS: DefaultKeySet (EphemeralKeySet is not supported there; .NET uses a temporary keychain).
/// Never MachineKeySet or PersistKeySet: connecting must not need admin rights or leave keys behind.
/// </summary>
internal static class KeyStorage
{
    // netstandard2.0 lacks the name; .NET Framework 4.7.2 and .NET have the value.
    private const X509KeyStorageFlags EphemeralKeySet = (X509KeyStorageFlags)0x20;

    internal static X509KeyStorageFlags[] Candidates() =>
        CandidatesFor(
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows),
            RuntimeInformation.IsOSPlatform(OSPlatform.OSX),
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal));

    internal static X509KeyStorageFlags[] CandidatesFor(bool windows, bool macOS, bool netFramework) =>
        macOS ? new[] { X509KeyStorageFlags.DefaultKeySet }
        : windows && netFramework ? new[] { X509KeyStorageFlags.UserKeySet }
        : windows ? new[] { EphemeralKeySet, X509KeyStorageFlags.UserKeySet }
        : new[] { EphemeralKeySet };
}
