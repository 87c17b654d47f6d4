using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using GraphMail.Engine.FileSystem;
using GraphMail.Engine.Sending.Files;
using GraphMail.Engine.Sending.Model;

namespace GraphMail.Engine.Sending.Validation;

/// <summary>
/// Checks every file before anything is sent: it exists, is a regular file, can be opened, and fits the limits.
/// A path may name several files (a wildcard pattern); a file named twice (a.txt, *.txt) is attached once.
/// </summary>
internal static class AttachmentChecks
{
    private static readonly StringComparer SamePath = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX)
        ? StringComparer.OrdinalIgnoreCase
        : StringComparer.Ordinal;

    internal static List<AttachmentFile> Check(
        IEnumerable<string>? paths,
        IEnumerable<KeyValuePair<string, string>>? inline,
        Func<string, IReadOnlyList<string>> resolvePaths)
    {
        var files = new List<AttachmentFile>();
        var attached = new HashSet<string>(SamePath);
        foreach (var path in paths ?? Array.Empty<string>())
        {
            files.AddRange(Resolve(path, null, "Attachments", resolvePaths).Where(file => attached.Add(file.Path)));
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in inline ?? Array.Empty<KeyValuePair<string, string>>())
        {
            InlineIds.Check(pair.Key);
            if (!ids.Add(pair.Key))
            {
                throw new GraphMailException(ErrorIds.InvalidInlineAttachmentId, GraphMailErrorKind.InvalidArgument,
                    $"-InlineAttachment names the id '{pair.Key}' twice; each inline image needs its own id.",
                    "Give each inline image its own id, and refer to each as cid:<id> in the HTML body.").Targeting(pair.Key);
            }

            var images = Resolve(pair.Value, pair.Key, "InlineAttachment", resolvePaths);
            if (images.Count > 1)
            {
                throw new GraphMailException(ErrorIds.InvalidSendParameter, GraphMailErrorKind.InvalidArgument,
                    $"-InlineAttachment '{pair.Value}' for the id '{pair.Key}' matches {images.Count} files; an inline image is one file.",
                    "Give the id the path of one image file, without wildcards.").Targeting(pair.Value);
            }

            files.AddRange(images);
        }

        long total = 0;
        foreach (var file in files)
        {
            total += file.Length;
        }

        if (total > SendLimits.MaxMessageAttachmentBytes)
        {
            throw new GraphMailException(ErrorIds.MessageTooLarge, GraphMailErrorKind.LimitsExceeded,
                $"The attachments add up to {SendLimits.Megabytes(total)}; one message can carry at most {SendLimits.Megabytes(SendLimits.MaxMessageAttachmentBytes)}.",
                "Send the files in several messages, or share them from OneDrive or SharePoint and send the link.");
        }

        return files;
    }

    /// <summary>The files one path names: one, or a wildcard pattern's matches (none is an error naming the pattern).</summary>
    private static List<AttachmentFile> Resolve(string? given, string? contentId, string parameter, Func<string, IReadOnlyList<string>> resolvePaths)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            throw new GraphMailException(ErrorIds.AttachmentPathEmpty, GraphMailErrorKind.InvalidArgument,
                $"-{parameter} has an empty path" + (contentId is null ? "." : $" for the id '{contentId}'."),
                $"Pass the path of an existing file to -{parameter}, or leave the parameter out.").Targeting(given ?? string.Empty);
        }

        IReadOnlyList<string> paths;
        try
        {
            paths = resolvePaths(given!);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // PowerShell's own path errors (an unknown drive such as https:, a path on env:) are the user's input too.
            throw NotFound(given!, parameter, e.Message);
        }

        if (paths.Count == 0)
        {
            throw new GraphMailException(ErrorIds.AttachmentNotFound, GraphMailErrorKind.ObjectNotFound,
                $"-{parameter} '{given}' matches no file.",
                "Check the pattern; relative paths are resolved from the current PowerShell location. A file whose name has [ or ] is found as written when it exists.").Targeting(given!);
        }

        // A pattern's matches are named by their own paths in what is said about them.
        return paths.Select(path => One(paths.Count == 1 ? given! : path, path, contentId, parameter)).ToList();
    }

    private static AttachmentFile One(string given, string path, string? contentId, string parameter)
    {
        var kind = FileKinds.Of(path);
        if (kind == FileKind.Directory)
        {
            throw new GraphMailException(ErrorIds.AttachmentIsDirectory, GraphMailErrorKind.InvalidArgument,
                $"-{parameter} '{given}' is a folder, not a file.",
                "Attach the files in it: Get-ChildItem -File '" + given + "' | Send-GraphMail -To ... -Subject ...").Targeting(given);
        }

        if (kind == FileKind.Missing)
        {
            throw NotFound(given, parameter, null);
        }

        if (kind != FileKind.Regular)
        {
            // Never opened: a FIFO would block the open until a writer came, and a device or /proc file has no size to check.
            throw new GraphMailException(ErrorIds.AttachmentNotRegularFile, GraphMailErrorKind.InvalidArgument,
                $"-{parameter} '{given}' is {FileKinds.Describe(kind)}; GraphMail attaches regular files only, whose size it can check before sending.",
                "Copy the content into a regular file first, for example: Get-Content '" + given + "' | Set-Content ./copy.txt").Targeting(given);
        }

        var info = new FileInfo(path);
        try
        {
            using (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GraphMailException(ErrorIds.AttachmentUnreadable, GraphMailErrorKind.PermissionDenied,
                $"-{parameter} '{given}' cannot be read: {e.Message}",
                "Check that the file is not locked by another program and that this account may read it.", e).Targeting(given);
        }

        if (info.Length > SendLimits.MaxAttachmentBytes)
        {
            throw new GraphMailException(ErrorIds.AttachmentTooLarge, GraphMailErrorKind.LimitsExceeded,
                $"-{parameter} '{given}' is {SendLimits.Megabytes(info.Length)}; Graph takes attachments up to {SendLimits.Megabytes(SendLimits.MaxAttachmentBytes)}.",
                "Share large files from OneDrive or SharePoint and send the link.").Targeting(given);
        }

        return new AttachmentFile(info.FullName, info.Name, info.Length, ContentTypes.Of(path), contentId);
    }

    private static GraphMailException NotFound(string given, string parameter, string? detail) =>
        new GraphMailException(ErrorIds.AttachmentNotFound, GraphMailErrorKind.ObjectNotFound,
            $"-{parameter} '{given}' does not exist" + (detail is null ? "." : ": " + detail),
            "Check the path; relative paths are resolved from the current PowerShell location.").Targeting(given);
}
