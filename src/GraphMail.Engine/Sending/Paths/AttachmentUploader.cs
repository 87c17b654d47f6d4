using System;
using System.Buffers;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending.Errors;
using GraphMail.Engine.Sending.Files;
using GraphMail.Engine.Sending.Http;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Payload;
using GraphMail.Engine.Sending.Retry;

namespace GraphMail.Engine.Sending.Paths;

/// <summary>
/// One large attachment through an upload session: chunks of at most 4 MB read from disk into one pooled buffer as
/// they go, PUT without an Authorization header (the upload URL carries its own token), each chunk starting where the
/// service's nextExpectedRanges says. A chunk PUT is idempotent, so it is retried on 429, 5xx and lost connections.
/// </summary>
internal sealed class AttachmentUploader
{
    private const int MaxResynchronisations = 8;
    private readonly GraphCaller _caller;
    private readonly int _chunkBytes;

    internal AttachmentUploader(GraphCaller caller, int chunkBytes)
    {
        _caller = caller;
        _chunkBytes = Math.Min(chunkBytes, SendLimits.UploadChunkBytes);
    }

    /// <summary>Null when the attachment is complete; otherwise the failed request's outcome and what it was.</summary>
    /// <param name="onDraftWhenDone">How many attachments of this file's name the draft holds once this one is on it.</param>
    internal async Task<(GraphOperation Operation, CallOutcome Outcome)?> UploadAsync(OutgoingMessage message, string draftId, AttachmentFile file, int onDraftWhenDone, CancellationToken stop)
    {
        using var sessionBody = MessageJson.UploadSession(file);
        CallOutcome session;
        var tries = 0;
        do
        {
            // An ambiguous answer may leave a session no one uses (it expires unused; nothing is attached): ask again.
            session = await _caller.CallAsync(
                new GraphRequest(HttpMethod.Post, _caller.Graph(GraphPaths.Message(message, draftId) + "/attachments/createUploadSession"), message.From.Address, RequestSafety.Creates, sessionBody.Written, "application/json"),
                stop).ConfigureAwait(false);
        }
        while (session.End == CallEnd.Ambiguous && ++tries < DraftCreator.MaxTries && !stop.IsCancellationRequested);

        if (session.End != CallEnd.Succeeded)
        {
            return (GraphOperation.CreateUploadSession, session);
        }

        if (UploadSessionJson.String(session.Body, "uploadUrl") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uploadUri))
        {
            return (GraphOperation.CreateUploadSession, Malformed(session, "the upload session has no uploadUrl"));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(_chunkBytes);
        try
        {
            using var stream = AttachmentReader.Open(file);
            long offset = UploadSessionJson.NextExpectedStart(session.Body) ?? 0;
            var resyncs = 0;
            while (true)
            {
                var count = (int)Math.Min(_chunkBytes, file.Length - offset);
                var read = await AttachmentReader.ReadRangeAsync(stream, offset, buffer, count, stop).ConfigureAwait(false);
                var range = string.Format(CultureInfo.InvariantCulture, "bytes {0}-{1}/{2}", offset, offset + read - 1, file.Length);
                var put = new GraphRequest(HttpMethod.Put, uploadUri, message.From.Address, RequestSafety.Idempotent, new ArraySegment<byte>(buffer, 0, read), "application/octet-stream",
                    authorize: false, configure: m => m.Content!.Headers.TryAddWithoutValidation("Content-Range", range));
                var outcome = await _caller.CallAsync(put, stop).ConfigureAwait(false);
                var next = UploadSessionJson.NextExpectedStart(outcome.Body) ?? RangeAlreadyTaken(outcome, offset + read);
                var inFile = next is { } n && n >= 0 && n < file.Length;
                if (outcome.End == CallEnd.Succeeded)
                {
                    if (outcome.Status == 201 || next is null)
                    {
                        return null;
                    }

                    if (!inFile || (next <= offset && ++resyncs > MaxResynchronisations))
                    {
                        return (GraphOperation.UploadChunk, Malformed(outcome, "the upload session asked for a range it already had, or one outside the file"));
                    }
                }
                else if (outcome.Status == 404 && offset + read == file.Length)
                {
                    // The last chunk's answer was lost and the session is gone: it ends when the attachment is complete,
                    // so the draft tells whether this chunk completed it (a 404 is not the answer to "was it uploaded").
                    return await IsOnDraftAsync(message, draftId, file, onDraftWhenDone, stop).ConfigureAwait(false) == true ? null : (GraphOperation.UploadChunk, outcome);
                }
                else if (outcome.End != CallEnd.Rejected || !inFile || ++resyncs > MaxResynchronisations)
                {
                    // A refusal that names where to go on (416 after a chunk that did arrive) resumes; anything else ends it.
                    return (GraphOperation.UploadChunk, outcome);
                }

                offset = next!.Value;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Reads the draft's attachments: true when it holds this file (by name, and at least its size) as often as it
    /// should by now, false when it does not, null when the draft could not be read.
    /// </summary>
    internal async Task<bool?> IsOnDraftAsync(OutgoingMessage message, string draftId, AttachmentFile file, int onDraftWhenDone, CancellationToken stop)
    {
        var read = await _caller.CallAsync(
            new GraphRequest(HttpMethod.Get, _caller.Graph(GraphPaths.Message(message, draftId) + "?$select=id&$expand=attachments($select=name,size)"), message.From.Address, RequestSafety.Idempotent,
                configure: MailboxLookup.Immutable),
            stop).ConfigureAwait(false);
        return read.End == CallEnd.Succeeded ? UploadSessionJson.CountAttachments(read.Body, file.Name, file.Length) >= onDraftWhenDone : null;
    }

    /// <summary>
    /// A 416 for a chunk that was sent again after its answer was lost means the service kept the first copy: chunks
    /// go in order, so the session can only stand right after it. (Used when the 416 does not name nextExpectedRanges.)
    /// </summary>
    private static long? RangeAlreadyTaken(CallOutcome outcome, long afterChunk) =>
        outcome.Status == 416 && outcome.Attempts > 1 ? afterChunk : null;

    private static CallOutcome Malformed(CallOutcome outcome, string why) =>
        new(CallEnd.Rejected, outcome.Attempts, outcome.Status, "{\"error\":{\"code\":\"UnexpectedUploadAnswer\",\"message\":\"" + why + "\"}}",
            null, outcome.RequestId, outcome.ClientRequestId, null);
}
