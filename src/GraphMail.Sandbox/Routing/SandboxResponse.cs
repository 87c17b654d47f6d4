using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphMail.Sandbox.Hosting;

namespace GraphMail.Sandbox.Routing;

/// <summary>What the sandbox answers; written to Kestrel or into a $batch response.</summary>
internal sealed class SandboxResponse
{
    internal const string JsonContentType = "application/json; charset=utf-8";

    internal int Status { get; init; }

    internal Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal byte[] Body { get; init; } = [];

    /// <summary>Abort the connection instead of answering (a connection-reset fault).</summary>
    internal bool AbortConnection { get; init; }

    internal bool IsSuccess => Status is >= 200 and < 300;

    internal static SandboxResponse Empty(int status) => new() { Status = status };

    internal static SandboxResponse Abort() => new() { Status = 0, AbortConnection = true };

    internal static SandboxResponse Json(int status, JsonNode body, string contentType = JsonContentType) =>
        Raw(status, Encoding.UTF8.GetBytes(body.ToJsonString(SandboxJson.Options)), contentType);

    internal static SandboxResponse Json<T>(int status, T body) =>
        Raw(status, JsonSerializer.SerializeToUtf8Bytes(body, SandboxJson.Options), JsonContentType);

    internal static SandboxResponse Raw(int status, byte[] body, string contentType)
    {
        var response = new SandboxResponse { Status = status, Body = body };
        response.Headers["Content-Type"] = contentType;
        return response;
    }

    internal SandboxResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}
