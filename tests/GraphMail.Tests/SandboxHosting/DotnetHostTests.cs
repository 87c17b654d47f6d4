using System;
using System.IO;
using GraphMail.Engine.SandboxHosting.Launching;
using GraphMail.Tests.Connections.Support;

namespace GraphMail.Tests.SandboxHosting;

/// <summary>Which dotnet runs the sandbox: DOTNET_HOST_PATH, then DOTNET_ROOT, then PATH, each only if the file is there.</summary>
public sealed class DotnetHostTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("graphmail-dotnet-");

    public void Dispose() => _root.Delete(recursive: true);

    private string Folder(string name) => _root.CreateSubdirectory(name).FullName;

    private string Host(string folder)
    {
        var path = Path.Combine(folder, DotnetHost.ExecutableName);
        File.WriteAllText(path, string.Empty);
        return path;
    }

    [Fact]
    public void DotnetHostPathComesFirst()
    {
        var hostPath = Host(Folder("sdk"));
        var environment = new DictionaryVariables { ["DOTNET_HOST_PATH"] = hostPath, ["DOTNET_ROOT"] = Folder("root"), ["PATH"] = Folder("path") };
        Host(environment["DOTNET_ROOT"]);
        Host(environment["PATH"]);

        Assert.Equal(hostPath, DotnetHost.Find(environment));
    }

    [Fact]
    public void DotnetRootComesBeforePath()
    {
        var root = Folder("root");
        var environment = new DictionaryVariables { ["DOTNET_HOST_PATH"] = Path.Combine(Folder("gone"), DotnetHost.ExecutableName), ["DOTNET_ROOT"] = root, ["PATH"] = Folder("path") };
        Host(environment["PATH"]);

        Assert.Equal(Host(root), DotnetHost.Find(environment));
    }

    [Fact]
    public void PathIsSearchedInOrderSkippingEmptyAndQuotedEntries()
    {
        var first = Folder("first");
        var second = Folder("second");
        var environment = new DictionaryVariables { ["PATH"] = string.Join(Path.PathSeparator, "", Folder("empty"), "\"" + first + "\"", second) };
        Host(second);
        var expected = Host(first);

        Assert.Equal(expected, DotnetHost.Find(environment));
    }

    [Fact]
    public void NothingFoundIsNull() =>
        Assert.Null(DotnetHost.Find(new DictionaryVariables { ["DOTNET_ROOT"] = Folder("root"), ["PATH"] = Folder("path") }));

    [Fact]
    public void TheExecutableIsNamedForThePlatform() =>
        Assert.Equal(OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet", DotnetHost.ExecutableName);
}
