using System;
using System.Collections;
using System.Threading.Tasks;
using GraphMail.Sandbox;
using GraphMail.Sandbox.Control;

namespace GraphMail.Module.Tests.Infrastructure;

/// <summary>
/// One in-process GraphMail.Sandbox with the default seed, for IClassFixture or ICollectionFixture. Scripts reach it
/// through Connect-GraphMail -Sandbox $SandboxReadyLine; tests read its record through <see cref="Control"/>.
/// Tests that share it call <see cref="Reset"/> first.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private SandboxServer? _server;

    public SandboxServer Server => _server ?? throw new InvalidOperationException("The sandbox has not started.");

    public SandboxControl Control => Server.Control;

    public string ReadyLine => Server.ReadyLine;

    public async Task InitializeAsync() => _server = await SandboxServer.StartAsync(new SandboxOptions { RandomSeed = 1234 });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Reset() => Control.Reset();

    /// <summary>
    /// The variables a script needs to connect as the default seed's sender app: $SandboxReadyLine, $TenantId,
    /// $ClientId, $ClientSecret (a SecureString) and $From.
    /// </summary>
    public Hashtable SenderVariables() => new()
    {
        ["SandboxReadyLine"] = ReadyLine,
        ["TenantId"] = SandboxDefaults.TenantDomain,
        ["ClientId"] = SandboxDefaults.SenderAppId,
        ["ClientSecret"] = SandboxDefaults.Secure(SandboxDefaults.SenderSecret),
        ["From"] = SandboxDefaults.Noreply,
    };

    /// <summary>The Connect-GraphMail line for <see cref="SenderVariables"/>.</summary>
    public const string ConnectSender =
        "Connect-GraphMail -Sandbox $SandboxReadyLine -TenantId $TenantId -ClientId $ClientId -ClientSecret $ClientSecret -DefaultFrom $From";
}
