using System;
using System.IO;
using System.Text.RegularExpressions;

namespace GraphMail.Tests.Infrastructure;

/// <summary>Where the repository, its manifest and the built module folder are, seen from a test run.</summary>
internal static class RepositoryPaths
{
    internal static string Root { get; } = FindRoot();

    internal static string Manifest => Path.Combine(Root, "GraphMail.psd1");

    internal static string ModuleVersion { get; } =
        Regex.Match(File.ReadAllText(Path.Combine(Root, "GraphMail.psd1")), @"ModuleVersion\s*=\s*'([^']+)'").Groups[1].Value;

    /// <summary>out/GraphMail/&lt;version&gt;/, laid out by building GraphMailModule.sln.</summary>
    internal static string ModuleDirectory
    {
        get
        {
            var directory = Path.Combine(Root, "out", "GraphMail", ModuleVersion);
            if (!File.Exists(Path.Combine(directory, "GraphMail.psd1")))
            {
                throw new InvalidOperationException(
                    $"The built module is missing at {directory}. Build the solution first: dotnet build GraphMailModule.sln -c Release");
            }

            return directory;
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
