using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Module;

/// <summary>
/// Isolation rule 1: the assemblies that load in PowerShell's default context reference nothing that must stay
/// isolated. GraphMail may reference its own engine (which the load context resolves); nothing third-party.
/// </summary>
public sealed class AssemblyReferenceTests
{
    private static readonly string[] FrameworkPrefixes = { "System", "Microsoft.Win32", "netstandard", "mscorlib", "Microsoft.CSharp" };

    private static bool IsFramework(string name) =>
        FrameworkPrefixes.Any(p => name == p || name.StartsWith(p + ".", StringComparison.Ordinal)) &&
        !IsolatedByName(name);

    // BCL-looking names that are really NuGet packages shipped in deps/.
    private static bool IsolatedByName(string name) =>
        File.Exists(Path.Combine(RepositoryPaths.ModuleDirectory, "bin", "net8.0", "deps", name + ".dll")) &&
        name != "System.Management.Automation";

    /// <summary>The simple names an assembly references, read from its metadata without loading it.</summary>
    private static IReadOnlyList<string> ReferencesOf(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name)).ToList();
    }

    [Fact]
    public void GraphMailReferencesOnlyTheFrameworkPowerShellAndItsOwnAssemblies()
    {
        var references = ReferencesOf(Path.Combine(RepositoryPaths.ModuleDirectory, "bin", "net8.0", "GraphMail.dll"));

        Assert.Contains("System.Management.Automation", references);
        Assert.DoesNotContain(references, r => !IsFramework(r) && r is not ("System.Management.Automation" or "GraphMail.Shared" or "GraphMail.Engine"));
    }

    [Fact]
    public void GraphMailSharedReferencesOnlyTheFramework()
    {
        var references = ReferencesOf(Path.Combine(RepositoryPaths.ModuleDirectory, "bin", "net8.0", "GraphMail.Shared.dll"));
        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, r => !IsFramework(r));
    }

    [Fact]
    public void TheIsolatedFolderHoldsTheThirdPartyAssemblies()
    {
        var deps = Path.Combine(RepositoryPaths.ModuleDirectory, "bin", "net8.0", "deps");
        foreach (var name in new[] { "Microsoft.Identity.Client", "Microsoft.Graph", "Microsoft.Graph.Core", "Microsoft.Kiota.Abstractions", "Azure.Core", "Microsoft.IdentityModel.Abstractions" })
        {
            Assert.True(IsolatedByName(name), name + " is not in " + deps);
        }
    }
}
