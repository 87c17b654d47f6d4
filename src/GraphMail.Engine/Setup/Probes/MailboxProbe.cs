using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Paths;

namespace GraphMail.Engine.Setup.Probes;

/// <summary>Sends a <see cref="ProbeMessage"/> through the send engine and reads the refusal with its one Graph error table.</summary>
internal sealed class MailboxProbe
{
    private readonly IMessageSender _sender;

    internal MailboxProbe(IMessageSender sender) => _sender = sender;

    internal async Task<ProbeResult> RunAsync(MailRecipient mailbox, CancellationToken cancellationToken)
    {
        var result = await _sender.SendAsync(ProbeMessage.From(mailbox), cancellationToken).ConfigureAwait(false);
        if (result.Status == SendStatus.Sent)
        {
            return new ProbeResult(mailbox.Address, ProbeVerdict.ReachedBody, null);
        }

        return new ProbeResult(mailbox.Address, VerdictOf(result), result.Error);
    }

    private static ProbeVerdict VerdictOf(SendResult result) => result.Status != SendStatus.Failed ? ProbeVerdict.Inconclusive : result.Error?.ErrorId switch
    {
        ErrorIds.NoPermissionsInToken => ProbeVerdict.NoPermissions,
        ErrorIds.MailSendPermissionMissing => ProbeVerdict.MissingMailSend,
        ErrorIds.GraphTokenRejected => ProbeVerdict.TokenRejected,
        ErrorIds.SenderMailboxNotFound => ProbeVerdict.NoSuchMailbox,
        ErrorIds.SenderMailboxNotEnabled => ProbeVerdict.MailboxNotEnabled,
        ErrorIds.SenderOutOfAppScope => ProbeVerdict.ScopedAway,
        ErrorIds.InvalidRecipients => ProbeVerdict.ReachedBody,
        _ => ProbeVerdict.Inconclusive,
    };
}
