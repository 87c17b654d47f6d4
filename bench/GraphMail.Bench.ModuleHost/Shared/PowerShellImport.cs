using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace GraphMail.IsolationHost;

/// <summary>
/// PowerShell's Import-Module of a binary module, as far as a process without PowerShell can do it, and what it left
/// loaded.
/// </summary>
internal static class PowerShellImport
{
    /// <summary>LoadFrom, run IModuleAssemblyInitializer, then reflect over every cmdlet's parameters and their attributes to build command metadata.</summary>
    internal static Assembly Import(string path)
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

    /// <summary>Every assembly loaded in the process, with its load context.</summary>
    internal static List<Dictionary<string, string?>> LoadedAssemblies() =>
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
