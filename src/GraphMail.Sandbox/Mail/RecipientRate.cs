using System;
using System.Collections.Generic;
using System.Linq;

namespace GraphMail.Sandbox.Mail;

/// <summary>
/// Exchange Online's recipient rate limit: each recipient of each submitted message counts against its mailbox for 24
/// hours. Once a mailbox has reached the limit in the rolling 24 hours, it cannot send until the count drops below it.
/// </summary>
internal sealed class RecipientRate
{
    internal const string ErrorCode = "ErrorQuotaExceeded";

    private static readonly TimeSpan Window = TimeSpan.FromHours(24);
    private readonly object _gate = new();
    private readonly Dictionary<string, List<(DateTimeOffset At, int Count)>> _byMailbox = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Counts the message's recipients, or returns false (nothing counted) when the mailbox has already reached <paramref name="limit"/>.</summary>
    internal bool TryAdmit(string mailboxId, int recipients, DateTimeOffset now, int limit)
    {
        lock (_gate)
        {
            if (!_byMailbox.TryGetValue(mailboxId, out var sent))
            {
                _byMailbox[mailboxId] = sent = [];
            }

            sent.RemoveAll(s => now - s.At >= Window);
            if (sent.Sum(s => s.Count) >= limit)
            {
                return false;
            }

            sent.Add((now, recipients));
            return true;
        }
    }

    internal static string Message(int limit) =>
        $"Cannot send mail: the mailbox has reached its daily limit of {limit} message recipients (SubmissionQuotaExceededException). It can send again once the recipients it sent to in the past 24 hours drop below the limit.";

    internal void Clear()
    {
        lock (_gate)
        {
            _byMailbox.Clear();
        }
    }
}
