using System.Collections.Generic;
using System.Linq;

namespace GraphMail.Docs;

/// <summary>One cmdlet's platyPS page, as read from docs/en-US/&lt;Cmdlet&gt;.md. Text is a list of paragraphs.</summary>
public sealed record HelpPage(
    string Name,
    string? OnlineVersion,
    string Synopsis,
    IReadOnlyList<string> Description,
    IReadOnlyList<SyntaxSet> Syntax,
    IReadOnlyList<ParameterDoc> Parameters,
    IReadOnlyList<TypeDoc> Inputs,
    IReadOnlyList<TypeDoc> Outputs,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ExampleDoc> Examples,
    IReadOnlyList<LinkDoc> Links);

/// <summary>A parameter set the SYNTAX section names ("(All)" when the cmdlet has a single, unnamed one).</summary>
public sealed record SyntaxSet(string Name, bool IsDefault);

/// <summary>A parameter: its description and one usage per yaml block (a parameter may differ between sets).</summary>
public sealed record ParameterDoc(string Name, IReadOnlyList<string> Description, IReadOnlyList<ParameterUsage> Usages)
{
    /// <summary>True when the parameter is a switch (MAML gives no value for it).</summary>
    public bool IsSwitch => Usages.Count > 0 && Usages[0].Type == "SwitchParameter";
}

/// <summary>One yaml block of a parameter: how it binds in the sets it names.</summary>
public sealed record ParameterUsage(
    string Type,
    IReadOnlyList<string> Sets,
    IReadOnlyList<string> Aliases,
    bool Required,
    string Position,
    string DefaultValue,
    string PipelineInput,
    bool Wildcards)
{
    public const string AllSets = "(All)";

    public bool AppliesTo(string set) => Sets.Contains(AllSets) || Sets.Contains(set);

    /// <summary>True when the parameter takes pipeline input ByValue.</summary>
    public bool ByValue => PipelineInput.Contains("ByValue", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the parameter takes pipeline input ByPropertyName.</summary>
    public bool ByPropertyName => PipelineInput.Contains("ByPropertyName", System.StringComparison.OrdinalIgnoreCase);
}

/// <summary>An input or output type and what it means.</summary>
public sealed record TypeDoc(string Name, IReadOnlyList<string> Description);

/// <summary>An example: its title, its code (the code blocks before the first remark) and its remarks.</summary>
public sealed record ExampleDoc(string Title, string Code, IReadOnlyList<string> Remarks);

/// <summary>A related link; Uri is empty for a link to another page of these docs.</summary>
public sealed record LinkDoc(string Text, string Uri);
