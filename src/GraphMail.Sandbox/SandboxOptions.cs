using System;
using System.Security.Cryptography.X509Certificates;
using GraphMail.Sandbox.Seed;

namespace GraphMail.Sandbox;

public sealed record SandboxOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The seed; null with no SeedFile takes the shipped default seed.</summary>
    public SandboxSeed? Seed { get; init; }

    /// <summary>Path of a seed JSON file, used when Seed is null.</summary>
    public string? SeedFile { get; init; }

    /// <summary>A server certificate with its private key; null makes one at start.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>Seed for the generator behind ratio faults, for reproducible runs.</summary>
    public int? RandomSeed { get; init; }

    /// <summary>Where to write the server certificate PEM; null: a graphmail-sandbox folder in the temp directory.</summary>
    public string? CertificatePemDirectory { get; init; }

    /// <summary>The clock tokens, budgets and propagation use; null: the system clock.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Write ASP.NET Core logs to stderr (the standalone --verbose).</summary>
    public bool Verbose { get; init; }

    internal SandboxSeed LoadSeed() => Seed ?? (SeedFile is null ? SeedLoader.LoadDefault() : SeedLoader.LoadFile(SeedFile));
}
