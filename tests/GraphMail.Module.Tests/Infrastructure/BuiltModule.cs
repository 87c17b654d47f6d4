using System;
using System.IO;
using System.Text.RegularExpressions;

namespace GraphMail.Module.Tests.Infrastructure;

/// <summary>The repository and the module the build laid out in out/GraphMail/&lt;version&gt;/.</summary>
public static class BuiltModule
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Version { get; } =
        Regex.Match(File.ReadAllText(Path.Combine(RepositoryRoot, "GraphMail.psd1")), @"ModuleVersion\s*=\s*'([^']+)'").Groups[1].Value;

    public static string Directory => Path.Combine(RepositoryRoot, "out", "GraphMail", Version);

    /// <summary>out/GraphMail/&lt;version&gt;/GraphMail.psd1; fails with the build command when it is missing.</summary>
    public static string Manifest
    {
        get
        {
            var manifest = Path.Combine(Directory, "GraphMail.psd1");
            return File.Exists(manifest)
                ? manifest
                : throw new InvalidOperationException($"The built module is missing at {manifest}. Build first: dotnet build GraphMailModule.sln -c Release");
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GraphMail.psd1")) &&
                File.Exists(Path.Combine(directory.FullName, "GraphMailModule.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root above " + AppContext.BaseDirectory);
    }
}
