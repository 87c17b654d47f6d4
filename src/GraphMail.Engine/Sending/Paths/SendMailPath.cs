using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending.Errors;
using GraphMail.Engine.Sending.Http;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Payload;
using GraphMail.Engine.Sending.Retry;

namespace GraphMail.Engine.Sending.Paths;

/// <summary>The small-message path: one POST /users/{from}/sendMail with every attachment inside.</summary>
internal sealed class SendMailPath
{
    private readonly GraphCaller _caller;

    internal SendMailPath(GraphCaller caller) => _caller = caller;

    internal async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        using var body = await MessageJson.SendMailAsync(message, stop).ConfigureAwait(false);
        var request = new GraphRequest(HttpMethod.Post, _caller.Graph(GraphPaths.User(message) + "/sendMail"), message.From.Address, RequestSafety.SendsMail, body.Written, "application/json");
        var outcome = await _caller.CallAsync(request, stop).ConfigureAwait(false);
        var error = outcome.End == CallEnd.Succeeded ? null : SendOutcomes.ErrorOf(message, GraphOperation.SendMail, outcome);
        return message.Result(SendOutcomes.StatusOf(outcome.End), outcome.Attempts, clock.Elapsed, outcome.RequestId, outcome.ClientRequestId, error);
    }
}
