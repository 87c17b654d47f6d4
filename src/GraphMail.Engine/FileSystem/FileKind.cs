using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace GraphMail.Engine.FileSystem;

/// <summary>What a path names, found without opening it.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,

    /// <summary>A FIFO, a socket, or a character or block device: opening one for reading can block forever, and its size says nothing.</summary>
    Special,

    /// <summary>A file of a pseudo file system (/proc, /sys): stat gives size 0 whatever reading it would give.</summary>
    Pseudo,
}

/// <summary>
/// Tells a regular file from everything else before GraphMail opens a path. A FIFO opened for reading blocks until a
/// writer appears (Ctrl+C cannot end that), a device never ends, and /proc reports size 0: none of them is a file
/// whose size GraphMail can check and send.
/// </summary>
public static class FileKinds
{
    private const int TypeMask = 0xF000;
    private const int DirectoryType = 0x4000;
    private const int RegularType = 0x8000;

    private static readonly string[] PseudoRoots = { "/proc/", "/sys/" };

    public static FileKind Of(string path)
    {
        if (path.IndexOf('\0') >= 0)
        {
            return FileKind.Missing;
        }

        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }

        if (Environment.OSVersion.Platform != PlatformID.Unix || UnixType(path) is not { } type)
        {
            return FileKind.Regular;
        }

        if (type == DirectoryType)
        {
            return FileKind.Directory;
        }

        if (type != RegularType)
        {
            return FileKind.Special;
        }

        var full = Path.GetFullPath(path);
        foreach (var root in PseudoRoots)
        {
            if (full.StartsWith(root, StringComparison.Ordinal))
            {
                return FileKind.Pseudo;
            }
        }

        return FileKind.Regular;
    }

    /// <summary>The words for a path that is not a regular file, for error messages ("a FIFO, socket or device").</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a folder",
        FileKind.Special => "a FIFO, socket or device, not a regular file",
        FileKind.Pseudo => "a file of /proc or /sys, whose size is not known until it is read",
        FileKind.Missing => "not there",
        _ => "a file",
    };

    /// <summary>stat(2)'s file type bits (the target of a link), through .NET's own native shim; null when it cannot be asked.</summary>
    private static int? UnixType(string path)
    {
        try
        {
            var status = new byte[512];
            return Stat(Encoding.UTF8.GetBytes(path + "\0"), status) == 0 ? BitConverter.ToInt32(status, 4) & TypeMask : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    // System.Native is the runtime's own shim (loaded by every .NET on Unix); its FileStatus starts with Flags, then Mode,
    // with the S_IF* type bits in the portable values above whatever the platform's own are.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat(byte[] path, byte[] status);
}
