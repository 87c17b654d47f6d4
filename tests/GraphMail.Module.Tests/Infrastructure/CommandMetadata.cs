using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace GraphMail.Module.Tests.Infrastructure;

/// <summary>One parameter of a cmdlet in one parameter set, as PowerShell's own command metadata has it.</summary>
public sealed record CommandParameter(
    string Name,
    Type Type,
    string ParameterSet,
    int? Position,
    bool Mandatory,
    bool ValueFromPipeline,
    bool ValueFromPipelineByPropertyName,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> ValidValues)
{
    public string TypeName => Type.FullName!;
}

/// <summary>One cmdlet of the imported module: what Get-Command says about it (common parameters left out).</summary>
public sealed record CommandShape(
    string Name,
    Type ImplementingType,
    bool SupportsShouldProcess,
    string? DefaultParameterSet,
    IReadOnlyList<Type> OutputTypes,
    IReadOnlyList<CommandParameter> Parameters)
{
    public IEnumerable<string> ParameterNames => Parameters.Select(p => p.Name).Distinct();

    public IReadOnlyList<string> OutputTypeNames => OutputTypes.Select(t => t.FullName!).ToList();

    public CommandParameter Parameter(string name, string set = "__AllParameterSets") => Parameters.Single(p => p.Name == name && p.ParameterSet == set);
}

/// <summary>Get-Command over the built module, in a real runspace, read once for the whole test run.</summary>
public static class CommandMetadata
{
    private static readonly Lazy<IReadOnlyList<CommandShape>> Commands = new(Load);

    public static IReadOnlyList<CommandShape> All => Commands.Value;

    public static CommandShape Get(string name) =>
        All.SingleOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"GraphMail exports no cmdlet named {name}; it exports: {string.Join(", ", All.Select(c => c.Name))}");

    private static IReadOnlyList<CommandShape> Load()
    {
        using var shell = new ModuleRunspace();
        var run = shell.Run("Get-Command -Module GraphMail -CommandType Cmdlet");
        if (run.Terminating is not null || run.Errors.Count > 0)
        {
            throw new InvalidOperationException("Get-Command failed: " + string.Join("; ", run.AllErrors));
        }

        return run.OutputOf<CmdletInfo>().Select(Describe).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    private static CommandShape Describe(CmdletInfo cmdlet)
    {
        var common = new HashSet<string>(Cmdlet.CommonParameters.Concat(Cmdlet.OptionalCommonParameters), StringComparer.OrdinalIgnoreCase);
        var parameters = cmdlet.Parameters.Values
            .Where(p => !common.Contains(p.Name))
            .SelectMany(p => p.ParameterSets.Select(set => new CommandParameter(
                p.Name,
                p.ParameterType,
                set.Key,
                set.Value.Position == int.MinValue ? null : set.Value.Position,
                set.Value.IsMandatory,
                set.Value.ValueFromPipeline,
                set.Value.ValueFromPipelineByPropertyName,
                p.Aliases.ToList(),
                p.Attributes.OfType<ValidateSetAttribute>().SelectMany(v => v.ValidValues).ToList())))
            .ToList();
        return new CommandShape(
            cmdlet.Name,
            cmdlet.ImplementingType,
            cmdlet.Parameters.ContainsKey("WhatIf"),
            cmdlet.DefaultParameterSet,
            cmdlet.OutputType.Select(t => t.Type ?? throw new InvalidOperationException($"{cmdlet.Name} declares an output type PowerShell cannot resolve: {t.Name}")).ToList(),
            parameters);
    }
}
