using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Routing;
using GraphMail.Tests.Infrastructure;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.SendMail;

namespace GraphMail.Tests.Sandbox;

public sealed class BatchTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public BatchTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public async Task The_graph_sdk_batches_two_sends()
    {
        var graph = SandboxGraph.Create(_sandbox.Server, _sandbox.SenderApp());
        var batch = new BatchRequestContentCollection(graph);
        var body = new SendMailPostRequestBody
        {
            Message = new Message { Subject = "batched", ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = "a@example.com" } }] },
        };
        var first = await batch.AddBatchRequestStepAsync(graph.Users[SandboxDefaults.Noreply].SendMail.ToPostRequestInformation(body));
        var second = await batch.AddBatchRequestStepAsync(graph.Users[SandboxDefaults.Ceo].SendMail.ToPostRequestInformation(body));

        var response = await graph.Batch.PostAsync(batch);
        var statuses = await response.GetResponsesStatusCodesAsync();

        Assert.Equal(HttpStatusCode.Accepted, statuses[first]);
        Assert.Equal(HttpStatusCode.Forbidden, statuses[second]);
        Assert.Single(_sandbox.Control.GetMessages());
        Assert.All(_sandbox.Control.GetRequests().Where(r => r.Route == RouteNames.SendMail), r => Assert.NotNull(r.BatchRequestId));
    }

    [Fact]
    public async Task More_than_20_requests_or_duplicate_ids_fail_the_whole_batch()
    {
        var token = await Token();

        using var tooMany = await PostBatchAsync(token, Enumerable.Range(1, 21).Select(i => Send(i.ToString())).ToArray());
        using var duplicate = await PostBatchAsync(token, Send("a"), Send("A"));
        using var noContentType = await PostBatchAsync(token, new JsonObject
        {
            ["id"] = "1", ["method"] = "POST", ["url"] = $"/users/{SandboxDefaults.Noreply}/sendMail", ["body"] = JsonNode.Parse(SandboxGraphRequests.SendMailBody()),
        });

        Assert.Contains("20", await SandboxGraphRequests.AssertGraphErrorAsync(tooMany, 400, "BadRequest"));
        Assert.Contains("duplicated", await SandboxGraphRequests.AssertGraphErrorAsync(duplicate, 400, "BadRequest"));
        Assert.Equal("Write request id : 1 does not contain Content-Type header or body.", await SandboxGraphRequests.AssertGraphErrorAsync(noContentType, 400, "BadRequest"));
        Assert.Empty(_sandbox.Control.GetMessages());
    }

    [Fact]
    public async Task A_request_whose_dependency_failed_is_424()
    {
        var token = await Token();

        using var response = await PostBatchAsync(token, Send("1", "nobody@contoso.com"), Send("2", dependsOn: "1"), Send("3", dependsOn: "2"));

        var statuses = await StatusesAsync(response);
        Assert.Equal(new Dictionary<string, int> { ["1"] = 404, ["2"] = 424, ["3"] = 424 }, statuses);
        Assert.Empty(_sandbox.Control.GetMessages());
    }

    [Fact]
    public async Task A_fifth_parallel_request_to_one_mailbox_is_throttled_with_its_own_Retry_After()
    {
        var token = await Token();

        using var response = await PostBatchAsync(token, Enumerable.Range(1, 5).Select(i => Send(i.ToString())).ToArray());

        var items = await ItemsAsync(response);
        Assert.Equal(4, items.Count(i => i.GetProperty("status").GetInt32() == 202));
        var throttled = Assert.Single(items, i => i.GetProperty("status").GetInt32() == 429);
        Assert.Equal("1", throttled.GetProperty("headers").GetProperty("Retry-After").GetString());
        Assert.Equal("ApplicationThrottled", throttled.GetProperty("body").GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(4, _sandbox.Control.GetMessages().Count);
        Assert.Equal(5, Assert.Single(_sandbox.Control.GetConcurrency()).PeakInFlight);
    }

    [Fact]
    public async Task Sequential_requests_chained_with_dependsOn_are_not_throttled()
    {
        var token = await Token();

        using var response = await PostBatchAsync(token, Enumerable.Range(1, 6).Select(i => Send(i.ToString(), dependsOn: i == 1 ? null : (i - 1).ToString())).ToArray());

        Assert.All((await StatusesAsync(response)).Values, status => Assert.Equal(202, status));
        Assert.Equal(1, Assert.Single(_sandbox.Control.GetConcurrency()).PeakInFlight);
    }

    [Fact]
    public async Task An_injected_429_shows_inside_the_batch()
    {
        var token = await Token();
        _sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.SendMail, Kind = FaultKind.Throttle, Count = 1, RetryAfterSeconds = 7 });

        using var response = await PostBatchAsync(token, Send("1"), Send("2", dependsOn: "1"));

        var items = await ItemsAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(429, items[0].GetProperty("status").GetInt32());
        Assert.Equal("7", items[0].GetProperty("headers").GetProperty("Retry-After").GetString());
        Assert.Equal(424, items[1].GetProperty("status").GetInt32());
    }

    private async Task<string> Token() => await _sandbox.TokenAsync(SandboxDefaults.UnscopedAppId, SandboxDefaults.UnscopedSecret);

    private static JsonObject Send(string id, string mailbox = SandboxDefaults.Noreply, string? dependsOn = null)
    {
        var request = new JsonObject
        {
            ["id"] = id,
            ["method"] = "POST",
            ["url"] = $"/users/{mailbox}/sendMail",
            ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
            ["body"] = JsonNode.Parse(SandboxGraphRequests.SendMailBody(subject: "batch " + id)),
        };
        if (dependsOn is not null)
        {
            request["dependsOn"] = new JsonArray(dependsOn);
        }

        return request;
    }

    private async Task<HttpResponseMessage> PostBatchAsync(string token, params JsonObject[] requests) =>
        await SandboxGraphRequests.SendAsync(_sandbox, HttpMethod.Post, "$batch", token,
            new JsonObject { ["requests"] = new JsonArray(requests.Select(r => (JsonNode)r).ToArray()) }.ToJsonString());

    private static async Task<List<JsonElement>> ItemsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("responses").EnumerateArray().ToList();
    }

    private static async Task<Dictionary<string, int>> StatusesAsync(HttpResponseMessage response) =>
        (await ItemsAsync(response)).ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("status").GetInt32());
}
