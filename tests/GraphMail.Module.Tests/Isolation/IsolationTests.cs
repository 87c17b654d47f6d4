using System;
using System.Linq;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Isolation;

/// <summary>
/// Isolation on PowerShell 7, in a pwsh session that already holds MSAL 4.61.3 in its default load context (as one
/// with ExchangeOnlineManagement does): Import-Module of the built GraphMail, Connect-GraphMail and Send-GraphMail.
/// </summary>
public sealed class IsolationTests(ForeignMsalSession session) : IClassFixture<ForeignMsalSession>
{
    private static readonly string[] IsolatedFamilies =
        ["GraphMail.Engine", "Microsoft.Identity", "Microsoft.Graph", "Microsoft.Kiota", "Azure.Core", "Microsoft.IdentityModel", "System.IdentityModel"];

    private static bool IsIsolatedFamily(LoadedAssembly assembly) =>
        IsolatedFamilies.Any(family => assembly.Name.StartsWith(family, StringComparison.Ordinal));

    private static bool FromDeps(LoadedAssembly assembly) =>
        assembly.Location?.StartsWith(ForeignMsalSession.Deps, StringComparison.Ordinal) == true;

    [Fact]
    public void ImportLoadsNothingButGraphMailsOwnAssemblies()
    {
        Assert.Equal("4.61.3.0", session.PreloadedMsal);
        Assert.DoesNotContain(session.AfterImport, FromDeps);
        Assert.DoesNotContain(session.AfterImport, a => a.Context == "GraphMail");

        // The only isolated-family assemblies present are the session's own foreign MSAL and what it pulled in.
        var foreign = session.AfterImport.Where(IsIsolatedFamily).ToList();
        Assert.Contains(foreign, a => a.Name == "Microsoft.Identity.Client");
        Assert.All(foreign, a => Assert.Equal("Default", a.Context));
        Assert.All(foreign, a => Assert.DoesNotContain(BuiltModule.Directory, a.Location ?? string.Empty));
        Assert.DoesNotContain(session.AfterImport, a => a.Name.StartsWith("Microsoft.Graph", StringComparison.Ordinal) || a.Name.StartsWith("Microsoft.Kiota", StringComparison.Ordinal));
        Assert.Contains(session.AfterImport, a => a.Name == "GraphMail" && a.Context == "Default");
    }

    [Fact]
    public void TheModuleConnectsAndSendsBesideAForeignMsal()
    {
        Assert.Equal("Sent", session.Status);
        Assert.Single(session.Sandbox.Control.GetMessages(), m => m.Subject == session.Subject);
        Assert.True(session.ForeignStillWorks);

        var msal = session.AfterSend.Where(a => a.Name == "Microsoft.Identity.Client").ToList();
        Assert.Contains(msal, a => a.Version == "4.61.3.0" && a.Context == "Default");
        Assert.Contains(msal, a => a.Version.StartsWith("4.92.", StringComparison.Ordinal) && a.Context == "GraphMail" && FromDeps(a));
        Assert.Contains(session.AfterSend, a => a.Name == "GraphMail.Engine" && a.Context == "GraphMail");
        Assert.DoesNotContain(session.AfterSend, a => FromDeps(a) && a.Context != "GraphMail");
        Assert.Single(session.AfterSend, a => a.Name == "GraphMail.Shared");
    }

    [Fact]
    public void ConnectingLoadsMsalInGraphMailsContextAndNeitherTheGraphSdkNorKiota()
    {
        Assert.Contains(session.AfterConnect, a => a.Name == "Microsoft.Identity.Client" && a.Version == "4.92.0.0" && a.Context == "GraphMail");
        Assert.DoesNotContain(session.AfterConnect, a => a.Name.StartsWith("Microsoft.Graph", StringComparison.Ordinal) || a.Name.StartsWith("Microsoft.Kiota", StringComparison.Ordinal));
    }
}
