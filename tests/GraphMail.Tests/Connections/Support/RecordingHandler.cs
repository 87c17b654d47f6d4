using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace GraphMail.Tests.Connections.Support;

/// <summary>An innermost handler that records what was sent (URL, Authorization, body) and answers from a function.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, HttpResponseMessage> _answer;
    private int _count;

    internal RecordingHandler(Func<HttpRequestMessage, int, HttpResponseMessage> answer) => _answer = answer;

    internal ConcurrentQueue<(Uri? Uri, string? Authorization, string? Body, string? IdentityHeader)> Sent { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var identityHeader = request.Headers.TryGetValues("X-IDENTITY-HEADER", out var values) ? string.Join(",", values) : null;
        Sent.Enqueue((request.RequestUri, request.Headers.Authorization?.ToString(), body, identityHeader));
        return _answer(request, Interlocked.Increment(ref _count));
    }
}
