using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;

namespace GraphMail.IsolationHost;

/// <summary>
/// Usage: GraphMail.IsolationHost import &lt;moduleDirectory&gt;
///        GraphMail.IsolationHost send &lt;moduleDirectory&gt; &lt;scriptFile&gt;
/// Prints one JSON object on stdout describing every loaded assembly and, for "send", what each step did.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: GraphMail.IsolationHost import|send <moduleDirectory> [stepsFile]");
            return 2;
        }

        var report = new Dictionary<string, object?>
        {
            ["preloadedMsal"] = PreloadForeignMsal(),
        };

        var graphMail = ImportLikePowerShell(Path.Combine(args[1], "bin", "net8.0", "GraphMail.dll"));
        report["assembliesAfterImport"] = LoadedAssemblies();

        if (args[0] == "send")
        {
            report["steps"] = CmdletDriver.Run(graphMail, File.ReadAllText(args[2]));
            report["assembliesAfterUse"] = LoadedAssemblies();
        }

        Console.WriteLine(JsonSerializer.Serialize(report));
        return 0;
    }

    // What ExchangeOnlineManagement does to a session: its own MSAL in the default load context.
    private static string PreloadForeignMsal() =>
        typeof(Microsoft.Identity.Client.PublicClientApplication).Assembly.GetName().Version!.ToString();

    // PowerShell's Import-Module of a binary module: LoadFrom, run IModuleAssemblyInitializer, then reflect over
    // every cmdlet's parameters and their attributes to build command metadata.
    private static Assembly ImportLikePowerShell(string path)
    {
        var assembly = Assembly.LoadFrom(path);
        foreach (var type in assembly.GetExportedTypes())
        {
            if (typeof(IModuleAssemblyInitializer).IsAssignableFrom(type) && !type.IsAbstract)
            {
                ((IModuleAssemblyInitializer)Activator.CreateInstance(type)!).OnImport();
            }
        }

        foreach (var type in assembly.GetExportedTypes().Where(t => t.GetCustomAttributes(typeof(CmdletAttribute), false).Length > 0))
        {
            foreach (var property in type.GetProperties())
            {
                _ = property.PropertyType.FullName;
                _ = property.GetCustomAttributes(true);
            }

            _ = type.GetCustomAttributes(true);
        }

        return assembly;
    }

    private static List<Dictionary<string, string?>> LoadedAssemblies() =>
        AssemblyLoadContext.All
            .SelectMany(context => context.Assemblies.Select(assembly => new Dictionary<string, string?>
            {
                ["name"] = assembly.GetName().Name,
                ["version"] = assembly.GetName().Version?.ToString(),
                ["context"] = context.Name,
                ["location"] = assembly.IsDynamic ? null : assembly.Location,
            }))
            .ToList();
}
