using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;

namespace GraphMail.Commands;

/// <summary>
/// Paths as PowerShell users write them for files GraphMail reads or writes: relative to the current location, on any
/// file-system drive (X:, ~), provider-qualified (a FileInfo's PSPath), and for files to read, with wildcards.
/// A path on another provider (env:, variable:, HKLM:) is refused by name instead of being taken as a file name.
/// </summary>
public abstract partial class GraphMailCmdlet
{
    /// <summary>
    /// The files a path names, as Send-MailMessage resolves -Attachments, but every match rather than one: an existing
    /// file or folder named exactly as written comes first (a literal 'report[1].pdf'), then a wildcard pattern's files,
    /// sorted (folders it matches are left out), or the file an escaped name ('report`[1`].pdf') names; empty when a
    /// pattern matches no file. Without wildcards, the path as
    /// written, whether it exists or not (the caller says what is wrong with it).
    /// </summary>
    /// <exception cref="ArgumentException">The path is not on the file system, or PowerShell cannot read it (an unknown drive).</exception>
    protected IReadOnlyList<string> ResolveFilePaths(string path)
    {
        var literal = LocalFilePath(path);
        if (File.Exists(literal) || Directory.Exists(literal) || !(WildcardPattern.ContainsWildcardCharacters(path) || path.IndexOf('`') >= 0))
        {
            return new[] { literal };
        }

        // A pattern, or a name escaped as PowerShell paths are ('report`[1`].pdf'): PowerShell's globbing reads both.

        try
        {
            return SessionState.Path.GetResolvedProviderPathFromPSPath(path, out _)
                .Where(File.Exists)
                .OrderBy(p => p, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }
        catch (ItemNotFoundException)
        {
            return Array.Empty<string>();
        }
    }

    /// <summary>
    /// A parameter's file path as PowerShell means it (relative to the current location, ~ expanded). A path on another
    /// provider (env:FOO) is refused by name: taken as it is, it would be a file named FOO in the process's folder.
    /// </summary>
    /// <exception cref="GraphMailException">PathNotOnFileSystem.</exception>
    protected string ProviderPath(string path, string parameterName)
    {
        try
        {
            return LocalFilePath(path);
        }
        catch (ArgumentException e)
        {
            throw PathNotOnFileSystem(path, parameterName, e);
        }
    }

    private protected static GraphMailException PathNotOnFileSystem(string path, string parameterName, ArgumentException refusal) =>
        new GraphMailException(ErrorIds.PathNotOnFileSystem, GraphMailErrorKind.InvalidArgument,
            $"-{parameterName} '{path}' cannot be used: {refusal.Message}",
            $"Give -{parameterName} the path of a file, relative to the current location or full (./file, ~/file, C:\\folder\\file).").Targeting(path);

    /// <summary>A path as PowerShell means it, without wildcard expansion; refused when it is not a file-system path.</summary>
    /// <exception cref="ArgumentException">The path is on another provider (env:, variable:, HKLM:), or PowerShell cannot read it.</exception>
    protected string LocalFilePath(string path)
    {
        if (SessionState is null)
        {
            return path;
        }

        string full;
        ProviderInfo provider;
        try
        {
            full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
        }
        catch (Exception e) when (e is not PipelineStoppedException and (RuntimeException or ArgumentException or NotSupportedException))
        {
            throw new ArgumentException(e.Message, e);
        }

        if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{path}' is a path on the {provider.Name} provider, not a file-system path.");
        }

        return full;
    }
}
