using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using GraphMail.Engine.Connections.Configuration;
using GraphMail.Engine.SandboxHosting.Launching;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.SandboxHosting;

/// <summary>The sandbox as the module ships it (out/GraphMail/&lt;version&gt;/sandbox), started by the launcher and always stopped.</summary>
internal sealed class ModuleSandbox : IAsyncDisposable
{
    private ModuleSandbox(SandboxInstance instance) => Instance = instance;

    internal static string Directory => Path.Combine(RepositoryPaths.ModuleDirectory, "sandbox");

    internal SandboxInstance Instance { get; }

    internal static SandboxStartRequest Request(Action<SandboxStartRequest>? configure = null)
    {
        var request = new SandboxStartRequest(Directory);
        configure?.Invoke(request);
        return request;
    }

    internal static async Task<ModuleSandbox> StartAsync(Action<SandboxStartRequest>? configure = null) =>
        new(await SandboxLauncher.StartAsync(Request(configure), ProcessEnvironmentVariables.Instance, TestTimeout.Token));

    /// <summary>A client pinned to this sandbox's certificate, BaseAddress its origin.</summary>
    internal static HttpClient Http(SandboxInstance sandbox)
    {
        using var ready = JsonDocument.Parse(sandbox.ReadyLine);
        return SandboxTls.CreateClient(ready.RootElement.GetProperty("certificateThumbprint").GetString()!, sandbox.AuthorityUri);
    }

    /// <summary>A sendMail from the default seed's sender app as noreply@, over raw HTTP (token, then send).</summary>
    internal static async Task SendAsync(SandboxInstance sandbox, string subject)
    {
        using var http = Http(sandbox);
        using var tokenResponse = await http.PostAsync($"{SandboxDefaults.TenantDomain}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = SandboxDefaults.SenderAppId,
            ["client_secret"] = SandboxDefaults.SenderSecret,
            ["scope"] = SandboxMsal.GraphScope,
            ["grant_type"] = "client_credentials",
        }));
        var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
        using var sent = await SandboxGraphRequests.SendMailAsync(http, token, SandboxDefaults.Noreply, SandboxGraphRequests.SendMailBody(subject: subject));
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
    }

    public async ValueTask DisposeAsync() => await SandboxLauncher.StopAsync(Instance, TestTimeout.Token);
}
