using System;
using System.IO;
using System.Text.Json;
using GraphMail.Sandbox.Hosting;

namespace GraphMail.Sandbox.Seed;

/// <summary>Reads a seed from JSON, a file, or the default seed embedded in this assembly.</summary>
public static class SeedLoader
{
    private const string DefaultSeedResource = "GraphMail.Sandbox.Seed.default.json";

    /// <summary>The seed shipped as Seed/default.json.</summary>
    public static SandboxSeed LoadDefault()
    {
        using var stream = typeof(SeedLoader).Assembly.GetManifestResourceStream(DefaultSeedResource)
            ?? throw new InvalidOperationException("The default seed is not embedded in " + typeof(SeedLoader).Assembly.FullName);
        return Parse(stream, "default seed");
    }

    public static SandboxSeed LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream, path);
    }

    /// <summary>The seed as JSON in the format Parse and LoadFile read (camelCase, enums as strings).</summary>
    public static string ToJson(SandboxSeed seed) => JsonSerializer.Serialize(seed, SandboxJson.Indented);

    public static SandboxSeed Parse(string json) => Parse(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "seed JSON");

    private static SandboxSeed Parse(Stream stream, string source)
    {
        SandboxSeed? seed;
        try
        {
            seed = JsonSerializer.Deserialize<SandboxSeed>(stream, SandboxJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(SeedJsonErrors.Describe(e, source), e);
        }

        if (seed is null)
        {
            throw new InvalidDataException($"The {source} is empty.");
        }

        SeedValidator.Validate(seed);
        return seed;
    }
}
