using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending.Model;

namespace GraphMail.Engine.Sending.Paths;

/// <summary>
/// Sends one checked message and tells how it ended. Never throws for a send that went wrong: every way it can end
/// is a <see cref="SendResult"/>. The stop token keeps new requests from starting; it never aborts one that sends.
/// </summary>
public interface IMessageSender
{
    Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken stop);
}
