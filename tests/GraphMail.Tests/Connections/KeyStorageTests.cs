using System.Security.Cryptography.X509Certificates;
using GraphMail.Engine.Connections.Certificates;

namespace GraphMail.Tests.Connections;

public sealed class KeyStorageTests
{
    [Theory]
    [InlineData(false, false, false, new[] { X509KeyStorageFlags.EphemeralKeySet })]
    [InlineData(true, false, false, new[] { X509KeyStorageFlags.EphemeralKeySet, X509KeyStorageFlags.UserKeySet })]
    [InlineData(true, false, true, new[] { X509KeyStorageFlags.UserKeySet })]
    [InlineData(false, true, false, new[] { X509KeyStorageFlags.DefaultKeySet })]
    public void KeyStorageIsChosenPerPlatform(bool windows, bool macOS, bool netFramework, X509KeyStorageFlags[] expected)
    {
        var flags = KeyStorage.CandidatesFor(windows, macOS, netFramework);

        Assert.Equal(expected, flags);
        Assert.DoesNotContain(flags, f => f.HasFlag(X509KeyStorageFlags.MachineKeySet) || f.HasFlag(X509KeyStorageFlags.PersistKeySet));
    }
}
