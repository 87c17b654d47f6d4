using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending.Model;

namespace GraphMail.Engine.Sending.Files;

/// <summary>
/// Reads attachment files piece by piece into a caller's (pooled) buffer: a 150 MB file is never in memory at once.
/// A file that changed size since it was checked fails the send rather than sending something else.
/// </summary>
internal static class AttachmentReader
{
    internal static FileStream Open(AttachmentFile file) =>
        new(file.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>Reads exactly <paramref name="count"/> bytes from the stream's position into the start of <paramref name="buffer"/>.</summary>
    internal static async Task<int> FillAsync(Stream stream, byte[] buffer, int count, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < count)
        {
            var read = await stream.ReadAsync(buffer, filled, count - filled, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException($"The file '{(stream is FileStream f ? f.Name : "?")}' became shorter while it was being sent.");
            }

            filled += read;
        }

        return filled;
    }

    /// <summary>Reads bytes [offset, offset + count) of the file into the start of <paramref name="buffer"/>.</summary>
    internal static async Task<int> ReadRangeAsync(FileStream stream, long offset, byte[] buffer, int count, CancellationToken cancellationToken)
    {
        stream.Position = offset;
        return await FillAsync(stream, buffer, count, cancellationToken).ConfigureAwait(false);
    }
}
