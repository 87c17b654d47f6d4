using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending.Model;

namespace GraphMail.Engine.Sending.Paths;

/// <summary>
/// A sendMail an earlier run left Unknown (or crashed during): Sent when Sent Items has its Message-ID, else it stays
/// Unknown and is listed, never sent again blindly (the copy may still be on its way, or was not kept).
/// </summary>
internal static class SentItemsResolution
{
    internal static async Task<SendResult> ResolveAsync(MailboxLookup lookup, OutgoingMessage message, Stopwatch clock, CancellationToken stop)
    {
        var (ids, outcome) = await lookup.FindAsync(message, "sentitems", stop).ConfigureAwait(false);
        if (ids is { Count: > 0 })
        {
            return message.Result(SendStatus.Sent, 0, clock.Elapsed, outcome.RequestId, outcome.ClientRequestId, null);
        }

        return ExactlyOncePath.Unresolved(message, outcome, clock, null, ids is null
            ? "an earlier run left it Unknown, and Sent Items could not be searched (the app needs Mail.ReadBasic or Mail.ReadWrite)"
            : "an earlier run left it Unknown, and Sent Items has no copy with its Message-ID (not yet, or none was kept)");
    }
}
