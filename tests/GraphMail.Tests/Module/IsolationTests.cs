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
public sealed class IsolationTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
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
    public void ConnectingLoadsMsalInGraphMailsContextAndNeitherTheGraphSdkNorKiota()
    {
        sandbox.Reset();
        var connect = new
        {
            cmdlet = "Connect-GraphMail",
            parameters = new Dictionary<string, object>
            {
                ["TenantId"] = SandboxDefaults.TenantDomain,
                ["ClientId"] = SandboxDefaults.SenderAppId,
                ["ClientSecret"] = new { secure = SandboxDefaults.SenderSecret },
                ["Sandbox"] = sandbox.Server.ReadyLine,
            },
        };

        var report = IsolationHost.Send(JsonSerializer.Serialize(new[] { connect }));

        Assert.Equal("completed", Assert.Single(report.Steps)["outcome"]);
        Assert.Contains(report.AfterUse, a => a.Name == "Microsoft.Identity.Client" && a.Version == "4.92.0.0" && a.Context == "GraphMail");
        Assert.DoesNotContain(report.AfterUse, a => a.Name.StartsWith("Microsoft.Graph", StringComparison.Ordinal) || a.Name.StartsWith("Microsoft.Kiota", StringComparison.Ordinal));
    }
}
