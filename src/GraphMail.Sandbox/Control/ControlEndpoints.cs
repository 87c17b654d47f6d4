using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Hosting;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Sandbox.Control;

/// <summary>The /_sandbox HTTP control API: a thin JSON face over SandboxControl.</summary>
internal sealed class ControlEndpoints(SandboxControl control)
{
    internal IEnumerable<SandboxRoute> Routes()
    {
        yield return Route("GET", "_sandbox", _ => Raw(200, control.ConnectionInfoJson()));
        yield return Route("GET", "_sandbox/seed", _ => Ok(control.Seed));
        yield return Route("GET", "_sandbox/messages", request =>
        {
            var mailbox = request.QueryValue("mailbox");
            return Ok(control.GetMessages().Where(m => mailbox is null || string.Equals(m.SenderMailbox, mailbox, StringComparison.OrdinalIgnoreCase)));
        });
        yield return Route("DELETE", "_sandbox/messages", _ => Done(control.ClearMessages));
        yield return Route("GET", "_sandbox/drafts", _ => Ok(control.GetDrafts()));
        yield return Route("POST", "_sandbox/sentitems/arrive", _ => Ok(new JsonObject { ["arrived"] = control.DeliverSentItems() }));
        yield return Route("GET", "_sandbox/requests", request =>
        {
            var route = request.QueryValue("route");
            return Ok(control.GetRequests().Where(r => route is null || r.Route == route));
        });
        yield return Route("DELETE", "_sandbox/requests", _ => Done(control.ClearRequests));
        yield return Route("GET", "_sandbox/concurrency", _ => Ok(control.GetConcurrency()));
        yield return Route("DELETE", "_sandbox/concurrency", _ => Done(control.ResetConcurrency));
        yield return Route("GET", "_sandbox/faults", _ => Ok(control.GetFaults()));
        yield return Route("POST", "_sandbox/faults", AddFaults);
        yield return Route("DELETE", "_sandbox/faults", request =>
            Done(() => control.ClearFaults(int.TryParse(request.QueryValue("randomSeed"), out var seed) ? seed : null)));
        yield return Route("GET", "_sandbox/settings", _ => Ok(control.GetSettings()));
        yield return Route("PUT", "_sandbox/settings", UpdateSettings);
        yield return Route("POST", "_sandbox/tokens/expire", _ => Done(control.ExpireAllTokens));
        yield return Route("POST", "_sandbox/reset", _ => Done(control.Reset));
        yield return Route("GET", "_sandbox/devicecode", _ => Ok(control.GetDeviceCodes()));
        yield return Route("POST", "_sandbox/devicecode/approve", ApproveDeviceCode);
        yield return Route("POST", "_sandbox/devicecode/decline", request =>
            Ok(new JsonObject { ["declined"] = control.DeclineDeviceCode(ReadObject(request)?["userCode"]?.GetValue<string>()) }));
        yield return Route("POST", "_sandbox/directory/replicate", _ => Done(control.ReplicateDirectory));
        yield return Route("GET", "_sandbox/directory/applications", request => Ok(control.GetApplications(request.QueryValue("tenant") ?? "contoso.com")));
    }

    /// <summary>Body {"userPrincipalName": "...", "userCode": "..." (optional: every pending one)}; answers {"approved": n}.</summary>
    private SandboxResponse ApproveDeviceCode(SandboxRequest request)
    {
        try
        {
            var body = ReadObject(request);
            var user = body?["userPrincipalName"]?.GetValue<string>();
            return string.IsNullOrWhiteSpace(user)
                ? Problem("Send {\"userPrincipalName\": \"admin@contoso.com\"} and optionally \"userCode\".")
                : Ok(new JsonObject { ["approved"] = control.ApproveDeviceCode(user, body?["userCode"]?.GetValue<string>()) });
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return Problem(e.Message);
        }
    }

    private static JsonObject? ReadObject(SandboxRequest request) => request.Body.Length == 0 ? null : JsonNode.Parse(request.Body) as JsonObject;

    private SandboxResponse AddFaults(SandboxRequest request)
    {
        try
        {
            var node = JsonNode.Parse(request.Body);
            var faults = node is JsonArray
                ? node.Deserialize<List<FaultSpec>>(SandboxJson.Options)!
                : [node.Deserialize<FaultSpec>(SandboxJson.Options)!];
            faults.ForEach(f => f.Validate());
            faults.ForEach(control.AddFault);
            return Ok(control.GetFaults(), 201);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NullReferenceException)
        {
            return Problem(e.Message);
        }
    }

    /// <summary>PUT takes any subset of the settings' properties.</summary>
    private SandboxResponse UpdateSettings(SandboxRequest request)
    {
        try
        {
            var changes = JsonNode.Parse(request.Body) as JsonObject ?? throw new JsonException("Send a JSON object of settings.");
            var updated = control.UpdateSettings(current =>
            {
                var merged = JsonSerializer.SerializeToNode(current, SandboxJson.Options)!.AsObject();
                foreach (var (name, value) in changes)
                {
                    var key = merged.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                        ?? throw new JsonException($"Unknown setting '{name}'.");
                    merged[key] = value?.DeepClone();
                }

                return merged.Deserialize<SandboxSettings>(SandboxJson.Options)!;
            });
            return Ok(updated);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return Problem(e.Message);
        }
    }

    private static SandboxRoute Route(string method, string template, Func<SandboxRequest, SandboxResponse> handler) =>
        new("control", method, new RouteTemplate(template), RouteKind.Control, request => Task.FromResult(handler(request)));

    private static SandboxResponse Ok<T>(T value, int status = 200) => SandboxResponse.Json(status, value);

    private static SandboxResponse Done(Action action)
    {
        action();
        return SandboxResponse.Empty(204);
    }

    private static SandboxResponse Raw(int status, string json) => SandboxResponse.Raw(status, Encoding.UTF8.GetBytes(json), SandboxResponse.JsonContentType);

    private static SandboxResponse Problem(string message) => SandboxResponse.Json(400, new JsonObject { ["error"] = message });
}
