using System;

namespace GraphMail.Sandbox.Seed;

internal static class SeedValidator
{
    /// <summary>Throws InvalidDataException when the seed's keys collide or its references do not resolve.</summary>
    internal static void Validate(SandboxSeed seed) => _ = new SandboxDirectory(seed, DateTimeOffset.UtcNow);
}
