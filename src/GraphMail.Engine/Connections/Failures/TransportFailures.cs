using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading.Tasks;

namespace GraphMail.Engine.Connections.Failures;

/// <summary>Network failures under any exception (MSAL wraps them): TLS refused, nobody listening, no answer in time.</summary>
internal static class TransportFailures
{
    internal static GraphMailException? TryMap(Exception exception, FailureContext context, string host)
    {
        foreach (var cause in Chain(exception))
        {
            switch (cause)
            {
                case AuthenticationException:
                    return new GraphMailException(ErrorIds.TlsCertificateRejected, GraphMailErrorKind.ConnectionError,
                        $"The TLS certificate of {host} was not trusted, so nothing was sent.",
                        context.IsSandbox
                            ? "A sandbox makes a new certificate each time it starts: pass its current ready line or connection file to -Sandbox."
                            : "A proxy or firewall may be intercepting HTTPS, or the system clock or trusted root certificates are wrong.",
                        exception);
                case SocketException socket:
                    return new GraphMailException(ErrorIds.ServiceUnreachable, GraphMailErrorKind.ConnectionError,
                        $"{host} could not be reached ({socket.SocketErrorCode}).",
                        context.IsSandbox
                            ? "Check that the sandbox is still running and that -Sandbox names its current ready line or connection file."
                            : "Check the network, proxy and firewall, and -Environment: each Microsoft cloud has its own hosts.",
                        exception);
                // HttpClient reports its own timeout as a TaskCanceledException; callers let the user's Ctrl+C through before this.
                case TimeoutException:
                case TaskCanceledException:
                    return Timeout(host, exception);
            }
        }

        return exception is HttpRequestException
            ? new GraphMailException(ErrorIds.ServiceUnreachable, GraphMailErrorKind.ConnectionError,
                $"The request to {host} failed before an answer came back: {exception.Message}",
                "Check the network, proxy and firewall.", exception)
            : null;
    }

    internal static GraphMailException Timeout(string host, Exception exception) =>
        new(ErrorIds.ServiceTimeout, GraphMailErrorKind.OperationTimeout,
            $"{host} did not answer in time.",
            "Try again; if it keeps happening, check the network and proxy.", exception);

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
