using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Sending.Retry;

namespace GraphMail.Engine.Sending.Http;

/// <summary>
/// Puts one logical request on the wire as often as <see cref="RetryClassifier"/> and the <see cref="RetryBudget"/>
/// allow, and no more. Nothing below it retries: the channel's client has no retry handler, and the
/// <see cref="TransmissionGuard"/> refuses a transport replay. Each attempt holds a slot of its mailbox's
/// <see cref="WireGate"/> while it is on the wire, and none while it waits to be retried. The stop token ends waits
/// (for a slot too) and keeps new attempts from starting; a request that sends or creates is not aborted once it is on
/// the wire, so its outcome is known, not guessed.
/// </summary>
internal sealed class GraphCaller
{
    private readonly IGraphChannel _channel;
    private readonly RetryOptions _options;
    private readonly WireGate _wire;

    internal GraphCaller(IGraphChannel channel, RetryOptions options, WireGate wire)
    {
        _channel = channel;
        _options = options;
        _wire = wire;
    }

    internal Uri Graph(string relative) => new(_channel.GraphBaseUri.AbsoluteUri.TrimEnd('/') + "/" + relative.TrimStart('/'));

    internal async Task<CallOutcome> CallAsync(GraphRequest request, CancellationToken stop)
    {
        var budget = new RetryBudget(_options);
        CallOutcome? last = null;
        while (true)
        {
            if (stop.IsCancellationRequested)
            {
                return Stopped(last);
            }

            IDisposable slot;
            try
            {
                if (request.Authorize)
                {
                    await _channel.PrepareAsync(stop).ConfigureAwait(false);
                }

                slot = await _wire.EnterAsync(request.Mailbox, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return Stopped(last);
            }
            catch (GraphMailException e)
            {
                // No token: the request never left.
                return new CallOutcome(CallEnd.Rejected, last?.Attempts ?? 0, null, null, null, e.RequestId, null, e, request.Uri);
            }

            Attempt attempt;
            using (slot)
            {
                budget.CountAttempt();
                attempt = await AttemptAsync(request, budget.Attempts, stop).ConfigureAwait(false);
            }

            last = attempt.Outcome;
            if (attempt.Verdict != Verdict.Retry)
            {
                return attempt.Outcome;
            }

            if (budget.NextWait(attempt.RetryAfter) is not { } wait)
            {
                return Exhausted(attempt.Outcome);
            }

            try
            {
                await _options.Delay(wait, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return Stopped(last);
            }
        }
    }

    private async Task<Attempt> AttemptAsync(GraphRequest request, int attempts, CancellationToken stop)
    {
        // Idempotent requests may be aborted by a stop; others finish so their outcome is known.
        var wireToken = request.Safety == RequestSafety.Idempotent ? stop : CancellationToken.None;
        var clientRequestId = Guid.NewGuid().ToString();
        SendBody? body = null;
        try
        {
            using var message = new HttpRequestMessage(request.Method, request.Uri);
            message.Headers.TryAddWithoutValidation("client-request-id", clientRequestId);
            message.Headers.TryAddWithoutValidation("return-client-request-id", "true");
            if (request.Body is { } bytes)
            {
                body = new SendBody(bytes, request.MediaType);
                message.Content = body;
            }

            request.Configure?.Invoke(message);
            var client = request.Authorize ? _channel.Graph : _channel.Anonymous;
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, wireToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var text = response.Content is null ? null : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var retryAfter = RetryClassifier.RetryAfter(response.Headers.RetryAfter, DateTimeOffset.UtcNow);
            var verdict = RetryClassifier.ForStatus(status, retryAfter is not null, request.Safety);
            var end = verdict switch
            {
                Verdict.Succeeded => CallEnd.Succeeded,
                Verdict.Ambiguous => CallEnd.Ambiguous,
                _ => CallEnd.Rejected,
            };
            var outcome = new CallOutcome(end, attempts, status, text, response.Headers.Location?.ToString(),
                Header(response, "request-id") ?? Header(response, "x-ms-request-id"), clientRequestId, null, request.Uri);
            return new Attempt(verdict, retryAfter, outcome);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && request.Safety == RequestSafety.Idempotent)
        {
            // An idempotent request aborted by a stop: nothing was done that matters.
            return new Attempt(Verdict.Rejected, null, new CallOutcome(CallEnd.Stopped, attempts, null, null, null, null, clientRequestId, null, request.Uri));
        }
        catch (GraphMailException e)
        {
            // No token (the connection's credential failed, or the token service is down): the request never left.
            return new Attempt(Verdict.Rejected, null, new CallOutcome(CallEnd.Rejected, attempts, null, null, null, e.RequestId, clientRequestId, e, request.Uri));
        }
        catch (Exception e) when (IsSandboxGone(request.Uri, e))
        {
            // A sandbox that stopped does not come back by waiting: say so now rather than after every retry.
            return new Attempt(Verdict.Rejected, null, new CallOutcome(CallEnd.Exhausted, attempts, null, null, null, null, clientRequestId, e, request.Uri));
        }
        catch (Exception e) when (e is HttpRequestException or System.IO.IOException or OperationCanceledException)
        {
            var started = body?.Started ?? !(e is HttpRequestException && IsBeforeWrite(e));
            var verdict = RetryClassifier.ForFailure(started, request.Safety);
            var end = verdict == Verdict.Ambiguous ? CallEnd.Ambiguous : CallEnd.Exhausted;
            return new Attempt(verdict, null, new CallOutcome(end, attempts, null, null, null, null, clientRequestId, e, request.Uri));
        }
    }

    /// <summary>
    /// A connection refused on loopback: the only loopback Graph is a GraphMail.Sandbox, and a refusal there means its
    /// process is gone (nothing was written, so nothing was sent).
    /// </summary>
    internal static bool IsSandboxGone(Uri? uri, Exception failure)
    {
        if (uri is null || !Connections.SandboxEndpoint.IsLoopback(uri))
        {
            return false;
        }

        for (var cause = failure; cause is not null; cause = cause.InnerException)
        {
            if (cause is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>For requests without a body: a failure to connect at all (refused, DNS, TLS) is before anything was written.</summary>
    private static bool IsBeforeWrite(Exception e) =>
        e.InnerException is System.Net.Sockets.SocketException or System.Security.Authentication.AuthenticationException;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static CallOutcome Exhausted(CallOutcome last) =>
        new(CallEnd.Exhausted, last.Attempts, last.Status, last.Body, last.Location, last.RequestId, last.ClientRequestId, last.Failure, last.Uri);

    private static CallOutcome Stopped(CallOutcome? last) =>
        new(CallEnd.Stopped, last?.Attempts ?? 0, last?.Status, last?.Body, null, last?.RequestId, last?.ClientRequestId, last?.Failure, last?.Uri);

    private readonly struct Attempt
    {
        internal Attempt(Verdict verdict, TimeSpan? retryAfter, CallOutcome outcome)
        {
            Verdict = verdict;
            RetryAfter = retryAfter;
            Outcome = outcome;
        }

        internal Verdict Verdict { get; }
        internal TimeSpan? RetryAfter { get; }
        internal CallOutcome Outcome { get; }
    }
}
