using System;
using System.IO;
using System.Security.Cryptography;

namespace GraphMail.Tests.Sending;

/// <summary>A temporary folder of generated files, removed at the end; files are filled with seeded random bytes.</summary>
public sealed class TestFiles : IDisposable
{
    internal TestFiles() => Directory.CreateDirectory(Root);

    internal string Root { get; } = Path.Combine(Path.GetTempPath(), "graphmail-send-" + Guid.NewGuid().ToString("N"));

    /// <summary>A file of <paramref name="bytes"/> deterministic bytes; returns its full path.</summary>
    internal string Create(string name, long bytes, int seed = 1)
    {
        var path = Path.Combine(Root, name);
        var random = new Random(seed);
        var buffer = new byte[1024 * 1024];
        using var stream = File.Create(path);
        for (long written = 0; written < bytes; written += buffer.Length)
        {
            random.NextBytes(buffer);
            stream.Write(buffer, 0, (int)Math.Min(buffer.Length, bytes - written));
        }

        return path;
    }

    /// <summary>A sparse file of the given length: no disk used, for size checks.</summary>
    internal string Sparse(string name, long bytes)
    {
        var path = Path.Combine(Root, name);
        using var stream = File.Create(path);
        stream.SetLength(bytes);
        return path;
    }

    /// <summary>A FIFO (named pipe) no one writes to: opening it for reading would block forever. Unix only (mkfifo).</summary>
    internal string Fifo(string name)
    {
        var path = Path.Combine(Root, name);
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", path);
        mkfifo.WaitForExit();
        return mkfifo.ExitCode == 0 ? path : throw new InvalidOperationException("mkfifo failed for " + path);
    }

    internal static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
