#if NET
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace GraphMail.LoadContext;

/// <summary>
/// GraphMail's private load context. It claims every assembly in its folder except the shared framework and
/// GraphMail.Shared (whose types users see, so they must be the default context's copies).
/// </summary>
internal sealed class GraphMailLoadContext : AssemblyLoadContext
{
    private const string SharedAssemblyName = "GraphMail.Shared";

    // The shared-framework folder, not the host's trusted-platform list: a host may list its own MSAL there.
    private static readonly string FrameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

    private readonly string _directory;

    internal GraphMailLoadContext(string directory)
        : base("GraphMail", isCollectible: false)
    {
        _directory = directory;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var name = assemblyName.Name;
        if (name is null || name == SharedAssemblyName || File.Exists(Path.Combine(FrameworkDirectory, name + ".dll")))
        {
            return null;
        }

        var path = Path.Combine(_directory, name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
#endif
