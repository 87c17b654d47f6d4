using System;
using System.IO;
using System.Reflection;
using System.Threading;
#if NET
using System.Runtime.Loader;
#endif

namespace GraphMail.LoadContext;

/// <summary>
/// Where GraphMail's dependencies come from. PowerShell 7: the engine and everything it uses load in
/// <see cref="GraphMailLoadContext"/> from <c>bin/net8.0/deps</c>, so another module's MSAL or Graph SDK in the
/// default context never clashes with ours. Windows PowerShell 5.1 has one load context: a best-effort
/// AssemblyResolve handler answers only for assemblies GraphMail ships.
/// </summary>
internal static class IsolatedDependencies
{
    internal const string EngineAssemblyName = "GraphMail.Engine";
    internal const string DependencyFolderName = "deps";

    private static int s_registered;

    internal static string ModuleBinDirectory { get; } =
        Path.GetDirectoryName(typeof(IsolatedDependencies).Assembly.Location) ?? AppContext.BaseDirectory;

    internal static void Register()
    {
        // Import-Module -Force and imports into further runspaces call OnImport again; one handler is enough.
        if (Interlocked.Exchange(ref s_registered, 1) == 1)
        {
            return;
        }

#if NET
        AssemblyLoadContext.Default.Resolving += ResolveEngine;
#else
        AppDomain.CurrentDomain.AssemblyResolve += ResolveShippedAssembly;
#endif
    }

#if NET
    private static GraphMailLoadContext? s_context;

    internal static GraphMailLoadContext Context =>
        LazyInitializer.EnsureInitialized(
            ref s_context,
            () => new GraphMailLoadContext(Path.Combine(ModuleBinDirectory, DependencyFolderName)))!;

    // Only the engine crosses over by name; everything it needs is then resolved inside GraphMail's context.
    private static Assembly? ResolveEngine(AssemblyLoadContext defaultContext, AssemblyName name) =>
        name.Name == EngineAssemblyName ? Context.LoadFromAssemblyName(name) : null;
#else
    private static Assembly? ResolveShippedAssembly(object? sender, ResolveEventArgs args)
    {
        if (args.RequestingAssembly is { } requester && !IsShipped(requester))
        {
            return null;
        }

        var path = Path.Combine(ModuleBinDirectory, new AssemblyName(args.Name).Name + ".dll");
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }

    private static bool IsShipped(Assembly assembly) =>
        !assembly.IsDynamic &&
        string.Equals(Path.GetDirectoryName(assembly.Location), ModuleBinDirectory, StringComparison.OrdinalIgnoreCase);
#endif
}
