using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace GraphMail.Tests.Infrastructure;

/// <summary>One parameter of a compiled cmdlet, read from its attributes' metadata.</summary>
internal sealed record CompiledParameter(
    string Name,
    string TypeName,
    string ParameterSet,
    int? Position,
    bool Mandatory,
    bool ValueFromPipeline,
    bool ValueFromPipelineByPropertyName,
    IReadOnlyList<string> Aliases);

/// <summary>One compiled cmdlet: its name, its [Cmdlet] settings and every [Parameter] (one row per parameter set).</summary>
internal sealed record CompiledCmdlet(
    string Name,
    string TypeName,
    bool SupportsShouldProcess,
    string? DefaultParameterSet,
    IReadOnlyList<string> OutputTypes,
    IReadOnlyList<CompiledParameter> Parameters)
{
    internal IEnumerable<string> ParameterNames => Parameters.Select(p => p.Name).Distinct();
}

/// <summary>
/// Reads the cmdlets of the built module's GraphMail.dll without loading it, through MetadataLoadContext: the stub
/// System.Management.Automation reads attribute properties back as defaults, metadata does not.
/// </summary>
internal static class CompiledCmdlets
{
    private static readonly Lazy<IReadOnlyList<CompiledCmdlet>> Cmdlets = new(Load);

    internal static IReadOnlyList<CompiledCmdlet> All => Cmdlets.Value;

    internal static string AssemblyPath => Path.Combine(RepositoryPaths.ModuleDirectory, "bin", "net8.0", "GraphMail.dll");

    internal static CompiledCmdlet Get(string name) =>
        All.SingleOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"No compiled cmdlet named {name}; found: {string.Join(", ", All.Select(c => c.Name))}");

    /// <summary>The values of a parameter's [ValidateSet], in order; empty when it has none.</summary>
    internal static IReadOnlyList<string> ValidateSetOf(string cmdlet, string parameter)
    {
        using var context = CreateContext();
        var type = context.LoadFromAssemblyPath(AssemblyPath).GetType(Get(cmdlet).TypeName, throwOnError: true)!;
        return type.GetProperty(parameter)!.GetCustomAttributesData()
            .Where(a => a.AttributeType.Name == "ValidateSetAttribute")
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => (IEnumerable<CustomAttributeTypedArgument>)arg.Value!)
            .Select(v => (string)v.Value!)
            .ToList();
    }

    /// <summary>Assembly references of a built module assembly, by simple name.</summary>
    internal static IReadOnlyList<string> ReferencesOf(string assemblyPath)
    {
        using var context = CreateContext();
        return context.LoadFromAssemblyPath(assemblyPath).GetReferencedAssemblies().Select(a => a.Name!).ToList();
    }

    private static MetadataLoadContext CreateContext()
    {
        var binDirectory = Path.Combine(RepositoryPaths.ModuleDirectory, "bin", "net8.0");
        var paths = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
            .Concat(Directory.GetFiles(binDirectory, "*.dll"))
            .Concat(Directory.GetFiles(Path.Combine(binDirectory, "deps"), "*.dll"))
            .Append(typeof(System.Management.Automation.Cmdlet).Assembly.Location)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First());
        return new MetadataLoadContext(new PathAssemblyResolver(paths));
    }

    private static IReadOnlyList<CompiledCmdlet> Load()
    {
        using var context = CreateContext();
        var assembly = context.LoadFromAssemblyPath(AssemblyPath);
        return assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract)
            .Select(t => (Type: t, Cmdlet: Attribute(t.GetCustomAttributesData(), "CmdletAttribute")))
            .Where(x => x.Cmdlet is not null)
            .Select(x => Describe(x.Type, x.Cmdlet!))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static CompiledCmdlet Describe(Type type, CustomAttributeData cmdlet)
    {
        var name = $"{cmdlet.ConstructorArguments[0].Value}-{cmdlet.ConstructorArguments[1].Value}";
        var outputTypes = type.GetCustomAttributesData()
            .Where(a => a.AttributeType.Name == "OutputTypeAttribute")
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : new[] { arg.Value })
            .Select(v => v is Type t ? t.FullName! : v?.ToString() ?? string.Empty)
            .ToList();
        var parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .SelectMany(property => property.GetCustomAttributesData()
                .Where(a => a.AttributeType.Name == "ParameterAttribute")
                .Select(a => Parameter(property, a)))
            .ToList();
        return new CompiledCmdlet(
            name,
            type.FullName!,
            Named<bool>(cmdlet, "SupportsShouldProcess"),
            Named<string>(cmdlet, "DefaultParameterSetName"),
            outputTypes,
            parameters);
    }

    private static CompiledParameter Parameter(PropertyInfo property, CustomAttributeData parameter)
    {
        var aliases = property.GetCustomAttributesData()
            .Where(a => a.AttributeType.Name == "AliasAttribute")
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => (string)m.Value!) : new[] { (string)arg.Value! })
            .ToList();
        var position = parameter.NamedArguments.Any(n => n.MemberName == "Position") ? Named<int>(parameter, "Position") : (int?)null;
        return new CompiledParameter(
            property.Name,
            property.PropertyType.FullName!,
            Named<string>(parameter, "ParameterSetName") ?? "__AllParameterSets",
            position,
            Named<bool>(parameter, "Mandatory"),
            Named<bool>(parameter, "ValueFromPipeline"),
            Named<bool>(parameter, "ValueFromPipelineByPropertyName"),
            aliases);
    }

    private static CustomAttributeData? Attribute(IEnumerable<CustomAttributeData> attributes, string name) =>
        attributes.FirstOrDefault(a => a.AttributeType.Name == name);

    private static T? Named<T>(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(n => n.MemberName == name).Select(n => (T?)n.TypedValue.Value).FirstOrDefault();
}
