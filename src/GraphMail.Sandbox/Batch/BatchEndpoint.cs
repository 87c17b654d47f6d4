using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GraphMail.Sandbox.Mail;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Sandbox.Batch;

/// <summary>
/// POST /v1.0/$batch: at most 20 requests with unique ids; requests whose dependsOn are satisfied run together as
/// one parallel step (each throttled on its own); a request whose dependency failed answers 424.
/// </summary>
internal sealed class BatchEndpoint(SandboxDispatcher dispatcher)
{
    internal const int MaxRequests = 20;

    internal async Task<SandboxResponse> HandleAsync(SandboxRequest request)
    {
        var body = JsonBody.Read(request, out var error);
        if (body is null)
        {
            return error!;
        }

        var steps = ReadSteps(request, body, out error);
        if (steps is null)
        {
            return error!;
        }

        var results = new Dictionary<string, SandboxResponse>(StringComparer.OrdinalIgnoreCase);
        var pending = steps.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(s => s.DependsOn.All(results.ContainsKey)).ToList();
            pending.RemoveAll(ready.Contains);
            var failedDependency = ready.Where(s => s.DependsOn.Any(d => !results[d].IsSuccess)).ToList();
            foreach (var step in failedDependency)
            {
                results[step.Id] = GraphErrors.Create(request, 424, "FailedDependency", "The request could not run because a request it depends on failed.");
            }

            var runnable = ready.Except(failedDependency).ToList();
            var group = new BatchGroup(runnable.Count);
            var responses = await Task.WhenAll(runnable.Select(step =>
                dispatcher.DispatchAsync(step.ToRequest(request, new BatchAdmission(group)), request.RequestId))).ConfigureAwait(false);
            if (responses.Any(r => r.AbortConnection))
            {
                return SandboxResponse.Abort();
            }

            for (var i = 0; i < runnable.Count; i++)
            {
                results[runnable[i].Id] = responses[i];
            }
        }

        var items = steps.Select(step => (JsonNode)ToJson(step.Id, results[step.Id])).ToArray();
        return SandboxResponse.Json(200, new JsonObject { ["responses"] = new JsonArray(items) }, GraphErrors.ContentType);
    }

    private static List<BatchStep>? ReadSteps(SandboxRequest request, JsonObject body, out SandboxResponse? error)
    {
        error = null;
        if (body["requests"] is not JsonArray array || array.Any(r => r is not JsonObject))
        {
            error = GraphErrors.BadRequest(request, "BadRequest", "Invalid batch payload format.");
            return null;
        }

        if (array.Count > MaxRequests)
        {
            error = GraphErrors.BadRequest(request, "BadRequest", $"Number of batch request steps exceeds the maximum of {MaxRequests}.");
            return null;
        }

        var steps = new List<BatchStep>();
        foreach (var item in array.Cast<JsonObject>())
        {
            var problem = BatchStep.Read(item, out var step);
            if (problem is null && steps.Any(s => string.Equals(s.Id, step!.Id, StringComparison.OrdinalIgnoreCase)))
            {
                problem = $"Batch request id '{step!.Id}' is duplicated; ids must be unique.";
            }

            if (problem is not null)
            {
                error = GraphErrors.BadRequest(request, "BadRequest", problem);
                return null;
            }

            steps.Add(step!);
        }

        var unknown = steps.SelectMany(s => s.DependsOn).FirstOrDefault(d => !steps.Any(s => string.Equals(s.Id, d, StringComparison.OrdinalIgnoreCase)));
        if (unknown is not null || HasCycle(steps))
        {
            error = GraphErrors.BadRequest(request, "BadRequest", unknown is null ? "The dependsOn references form a cycle." : $"dependsOn names unknown request id '{unknown}'.");
            return null;
        }

        return steps;
    }

    private static bool HasCycle(List<BatchStep> steps)
    {
        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var remaining = steps.ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(s => s.DependsOn.All(done.Contains)).ToList();
            if (ready.Count == 0)
            {
                return true;
            }

            ready.ForEach(s => done.Add(s.Id));
            remaining.RemoveAll(ready.Contains);
        }

        return false;
    }

    private static JsonObject ToJson(string id, SandboxResponse response)
    {
        var headers = new JsonObject();
        foreach (var header in response.Headers)
        {
            headers[header.Key] = header.Value;
        }

        var item = new JsonObject { ["id"] = id, ["status"] = response.Status, ["headers"] = headers };
        if (response.Body.Length > 0)
        {
            try
            {
                item["body"] = JsonNode.Parse(response.Body);
            }
            catch (JsonException)
            {
                item["body"] = Convert.ToBase64String(response.Body);
            }
        }

        return item;
    }

    private sealed record BatchStep(string Id, string Method, string Url, Dictionary<string, string> Headers, byte[] Body, IReadOnlyList<string> DependsOn)
    {
        internal static string? Read(JsonObject item, out BatchStep? step)
        {
            step = null;
            var id = JsonBody.ReadString(item["id"]);
            var method = JsonBody.ReadString(item["method"]);
            var url = JsonBody.ReadString(item["url"]);
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(method) || string.IsNullOrEmpty(url))
            {
                return "Each batch request needs an id, a method and a url.";
            }

            if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal))
            {
                return $"Batch request {id}: the url must be relative to the version (e.g. /users/x/sendMail).";
            }

            if (url.TrimStart('/').StartsWith("$batch", StringComparison.OrdinalIgnoreCase))
            {
                return $"Batch request {id}: a $batch cannot contain another $batch.";
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (item["headers"] is JsonObject headerObject)
            {
                foreach (var pair in headerObject)
                {
                    headers[pair.Key] = JsonBody.ReadString(pair.Value) ?? pair.Value?.ToJsonString() ?? "";
                }
            }

            var body = item["body"] switch
            {
                null => [],
                JsonValue value when value.TryGetValue(out string? text) => Encoding.UTF8.GetBytes(text),
                var node => Encoding.UTF8.GetBytes(node.ToJsonString()),
            };
            if (body.Length > 0 && !headers.ContainsKey("Content-Type"))
            {
                return $"Write request id : {id} does not contain Content-Type header or body.";
            }

            var dependsOn = item["dependsOn"] is JsonArray array ? array.Select(JsonBody.ReadString).OfType<string>().ToList() : [];
            step = new BatchStep(id, method.ToUpperInvariant(), url, headers, body, dependsOn);
            return null;
        }

        internal SandboxRequest ToRequest(SandboxRequest batch, BatchAdmission admission)
        {
            var headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase);
            if (batch.Header("Authorization") is { } authorization)
            {
                headers.TryAdd("Authorization", authorization);
            }

            var relative = Url.StartsWith('/') ? Url : "/" + Url;
            var queryStart = relative.IndexOf('?');
            var path = queryStart < 0 ? relative : relative[..queryStart];
            var query = queryStart < 0
                ? new Dictionary<string, string>()
                : Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(relative[queryStart..]).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            return new SandboxRequest
            {
                Method = Method,
                Path = "/v1.0" + Uri.UnescapeDataString(path),
                Query = query,
                Headers = headers,
                Body = Body,
                HasContentLength = true,
                Origin = batch.Origin,
                BatchAdmission = admission,
                Aborted = batch.Aborted,
            };
        }
    }
}
