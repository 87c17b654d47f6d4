using System;
using System.IO;
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

    public async ValueTask DisposeAsync() => await SandboxLauncher.StopAsync(Instance, TestTimeout.Token);
}
