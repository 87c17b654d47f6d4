using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using GraphMail.Sandbox.Control;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Hosting;
using GraphMail.Sandbox.Identity;
using GraphMail.Sandbox.Mail;
using GraphMail.Sandbox.Seed;

namespace GraphMail.Sandbox.Routing;

/// <summary>
/// Runs one request through the sandbox: route, fault, authentication, throttling, latency, handler, and the
/// request log. The same path serves Kestrel and the requests inside a $batch.
/// </summary>
internal sealed class SandboxDispatcher
{
    private static readonly string[] SecretQueryKeys = ["authtoken", "client_secret", "client_assertion", "code", "sig", "access_token", "device_code", "refresh_token"];
    private readonly SandboxState _state;

    internal SandboxDispatcher(SandboxState state, SandboxControl control)
    {
        _state = state;
        Routes = SandboxRoutes.Create(state, control, this);
    }

    internal RouteTable Routes { get; }

    internal async Task<SandboxResponse> DispatchAsync(SandboxRequest request, string? batchRequestId = null)
    {
        var match = Routes.Match(request.Method, request.Path, out var pathExists);
        if (match is { Route.Kind: RouteKind.Control })
        {
            request.RouteValues = match.Values;
            return await match.Route.Handler(request).ConfigureAwait(false);
        }

        SandboxResponse response;
        FaultSpec? fault = null;
        var kind = RouteKind.Graph;
        try
        {
            if (match is null)
            {
                response = Unmatched(request, pathExists, out kind);
            }
            else
            {
                request.RouteValues = match.Values;
                kind = match.Route.Kind;
                fault = _state.Faults.Draw(match.Route.Name);
                response = await RunAsync(request, match.Route, fault).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            response = GraphErrors.Create(request, 500, "UnknownError", "GraphMail.Sandbox failed: " + e.Message);
        }
        finally
        {
            request.BatchAdmission?.Decided();
        }

        ResponseHeaders.Apply(kind, request, response);
        _state.Requests.Add(new RecordedRequest
        {
            Time = request.ReceivedAt,
            Method = request.Method,
            Route = match?.Route.Name ?? RouteNames.Unmatched,
            Path = PathForLog(request),
            Status = response.Status,
            AppId = request.AppId,
            ClientRequestId = request.ClientRequestId,
            RequestId = request.RequestId,
            Fault = fault is null ? null : SandboxJson.Options.PropertyNamingPolicy!.ConvertName(fault.Kind.ToString()),
            BatchRequestId = batchRequestId,
        });
        return response;
    }

    private async Task<SandboxResponse> RunAsync(SandboxRequest request, SandboxRoute route, FaultSpec? fault)
    {
        var settings = _state.Settings;
        switch (fault?.Kind)
        {
            case FaultKind.ResetBeforeProcessing:
                return SandboxResponse.Abort();
            case FaultKind.Throttle:
                await DelayAsync(fault.LatencyMs, request).ConfigureAwait(false);
                return FaultResponses.Status(route.Kind, request, 429, fault.RetryAfterSeconds ?? settings.ThrottleRetryAfterSeconds);
            case FaultKind.Unavailable:
                await DelayAsync(fault.LatencyMs, request).ConfigureAwait(false);
                return FaultResponses.Status(route.Kind, request, 503, fault.RetryAfterSeconds);
            case FaultKind.GatewayTimeout:
                await DelayAsync(fault.LatencyMs, request).ConfigureAwait(false);
                return FaultResponses.Status(route.Kind, request, 504, fault.RetryAfterSeconds);
            case FaultKind.TokenExpired:
                return GraphErrors.InvalidToken(request, AccessTokenValidator.ExpiredMessage);
        }

        if (route.Kind is RouteKind.Graph or RouteKind.GraphBatch && request.Body.Length > settings.MaxRequestBytes)
        {
            return GraphErrors.RequestTooLarge(request, settings.MaxRequestBytes);
        }

        if (route.Kind == RouteKind.Graph)
        {
            var validation = _state.TokenValidator.Validate(request.Header("Authorization"));
            if (validation.Caller is null)
            {
                return GraphErrors.InvalidToken(request, validation.Failure!);
            }

            request.Caller = validation.Caller;
            request.AppId = validation.Caller.AppId;
        }

        IDisposable? lease = null;
        try
        {
            if (route.ThrottleKey?.Invoke(request) is { } key)
            {
                var concurrencyKey = settings.ConcurrencyScope == ConcurrencyScope.App ? key with { Mailbox = null } : key;
                lease = _state.Concurrency.TryEnter(concurrencyKey, settings.ConcurrentRequests);
                if (lease is null)
                {
                    return GraphErrors.MailboxConcurrency(request, settings.ThrottleRetryAfterSeconds);
                }

                if (_state.Budget.TrySpend(key, settings.RequestsPer10Minutes) is { } retryAfter)
                {
                    return GraphErrors.TooManyRequests(request, retryAfter);
                }
            }

            if (request.BatchAdmission is { } admission)
            {
                admission.Decided();
                await admission.WaitForGroupAsync(request.Aborted).ConfigureAwait(false);
            }

            var spentMs = (int)Stopwatch.GetElapsedTime(request.ReceivedTimestamp).TotalMilliseconds;
            await DelayAsync(Math.Max(0, settings.LatencyMs - spentMs) + (fault?.LatencyMs ?? 0), request).ConfigureAwait(false);
            if (_state.Pauses.TryGetValue(route.Name, out var pause))
            {
                await pause.HoldAsync(request.Aborted).ConfigureAwait(false);
            }

            var response = await route.Handler(request).ConfigureAwait(false);
            return (response.IsSuccess, fault?.Kind) switch
            {
                (true, FaultKind.GatewayTimeoutAfterAccept) => FaultResponses.Status(route.Kind, request, 504, fault.RetryAfterSeconds),
                (true, FaultKind.ResetAfterAccept) => SandboxResponse.Abort(),
                _ => response,
            };
        }
        finally
        {
            lease?.Dispose();
        }
    }

    private static Task DelayAsync(int milliseconds, SandboxRequest request) =>
        milliseconds > 0 ? Task.Delay(milliseconds, request.Aborted) : Task.CompletedTask;

    private static SandboxResponse Unmatched(SandboxRequest request, bool pathExists, out RouteKind kind)
    {
        var isGraph = request.Path.StartsWith("/v1.0", StringComparison.OrdinalIgnoreCase);
        kind = isGraph ? RouteKind.Graph : RouteKind.Identity;
        if (pathExists)
        {
            return GraphErrors.Create(request, 405, "BadRequest", "Specified HTTP method is not allowed for the request target.");
        }

        var segment = request.Path.TrimEnd('/').Split('/').LastOrDefault() ?? "";
        return isGraph
            ? GraphErrors.BadRequest(request, "BadRequest", $"Resource not found for the segment '{segment}'.")
            : SandboxResponse.Empty(404);
    }

    private static string PathForLog(SandboxRequest request)
    {
        if (request.Query.Count == 0)
        {
            return request.Path;
        }

        var query = request.Query.Select(pair =>
            pair.Key + "=" + (SecretQueryKeys.Contains(pair.Key, StringComparer.OrdinalIgnoreCase) ? "***" : Uri.EscapeDataString(pair.Value)));
        return request.Path + "?" + string.Join("&", query);
    }
}
