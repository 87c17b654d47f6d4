using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Module;

/// <summary>
/// Isolation on PowerShell 7, proved in a separate process that already holds MSAL 4.61.3 in its default load
/// context (as a session with ExchangeOnlineManagement does) and imports the built module as PowerShell would.
/// </summary>
public sealed class IsolationTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public IsolationTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    private static readonly string[] IsolatedFamilies =
    {
        "GraphMail.Engine", "Microsoft.Identity", "Microsoft.Graph", "Microsoft.Kiota", "Azure.Core", "Microsoft.IdentityModel", "System.IdentityModel",
    };

    private static bool IsIsolatedFamily(LoadedAssembly assembly) =>
        IsolatedFamilies.Any(family => assembly.Name.StartsWith(family, StringComparison.Ordinal));

    [Fact]
    public void ImportLoadsNothingButGraphMailsOwnAssemblies()
    {
        var report = IsolationHost.Import();

        Assert.Equal("4.61.3.0", report.PreloadedMsal);
        var deps = Path.Combine(RepositoryPaths.ModuleDirectory, "bin", "net8.0", "deps");
        Assert.DoesNotContain(report.AfterImport, a => a.Location?.StartsWith(deps, StringComparison.Ordinal) == true);
        Assert.DoesNotContain(report.AfterImport, a => a.Context == "GraphMail");

        // The only isolated-family assembly present is the host's own foreign MSAL (and what it pulled in).
        var foreign = report.AfterImport.Where(IsIsolatedFamily).ToList();
        Assert.All(foreign, a => Assert.Equal("Default", a.Context));
        Assert.All(foreign, a => Assert.DoesNotContain(RepositoryPaths.ModuleDirectory, a.Location ?? string.Empty));
        Assert.Contains(report.AfterImport, a => a.Name == "GraphMail" && a.Context == "Default");
    }

    [Fact]
    public void TheModuleConnectsAndSendsBesideAForeignMsal()
    {
        var subject = "isolation " + Guid.NewGuid();
        var steps = JsonSerializer.Serialize(new object[]
        {
            new
            {
                cmdlet = "Connect-GraphMail",
                parameters = new Dictionary<string, object>
                {
                    ["Sandbox"] = _sandbox.Server.ReadyLine,
                    ["TenantId"] = SandboxDefaults.TenantDomain,
                    ["ClientId"] = SandboxDefaults.SenderAppId,
                    ["ClientSecret"] = new { secure = SandboxDefaults.SenderSecret },
                },
            },
            new
            {
                cmdlet = "SendThroughEngine",
                parameters = new Dictionary<string, object>
                {
                    ["From"] = SandboxDefaults.Noreply,
                    ["To"] = new[] { "someone@example.com" },
                    ["Subject"] = subject,
                    ["Body"] = "Sent from a process that already holds MSAL 4.61.3.",
                },
            },
        });

        var report = IsolationHost.Send(steps);

        Assert.All(report.Steps, step => Assert.True(step["outcome"] == "completed", step["cmdlet"] + ": " + step.GetValueOrDefault("error")));
        Assert.Equal("Sent", report.Steps[1]["statuses"]);
        Assert.Single(_sandbox.Control.GetMessages(), m => m.Subject == subject);

        var deps = Path.Combine(RepositoryPaths.ModuleDirectory, "bin", "net8.0", "deps");
        var msal = report.AfterUse.Where(a => a.Name == "Microsoft.Identity.Client").ToList();
        Assert.Contains(msal, a => a.Version == "4.61.3.0" && a.Context == "Default");
        Assert.Contains(msal, a => a.Version.StartsWith("4.92.", StringComparison.Ordinal) && a.Context == "GraphMail" && a.Location!.StartsWith(deps, StringComparison.Ordinal));
        Assert.Contains(report.AfterUse, a => a.Name == "GraphMail.Engine" && a.Context == "GraphMail");
        Assert.DoesNotContain(report.AfterUse, a => a.Location?.StartsWith(deps, StringComparison.Ordinal) == true && a.Context != "GraphMail");
        Assert.Single(report.AfterUse, a => a.Name == "GraphMail.Shared");
    }

    [Fact]
    public void ConnectingLoadsMsalInGraphMailsContextAndNeitherTheGraphSdkNorKiota()
    {
        var connect = new
        {
            cmdlet = "Connect-GraphMail",
            parameters = new Dictionary<string, object>
            {
                ["TenantId"] = SandboxDefaults.TenantDomain,
                ["ClientId"] = SandboxDefaults.SenderAppId,
                ["ClientSecret"] = new { secure = SandboxDefaults.SenderSecret },
                ["Sandbox"] = _sandbox.Server.ReadyLine,
            },
        };

        var report = IsolationHost.Send(JsonSerializer.Serialize(new[] { connect }));

        Assert.Equal("completed", Assert.Single(report.Steps)["outcome"]);
        Assert.Contains(report.AfterUse, a => a.Name == "Microsoft.Identity.Client" && a.Version == "4.92.0.0" && a.Context == "GraphMail");
        Assert.DoesNotContain(report.AfterUse, a => a.Name.StartsWith("Microsoft.Graph", StringComparison.Ordinal) || a.Name.StartsWith("Microsoft.Kiota", StringComparison.Ordinal));
    }
}
