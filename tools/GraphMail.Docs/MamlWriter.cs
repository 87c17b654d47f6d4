using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace GraphMail.Docs;

/// <summary>
/// Writes help pages as MAML, the shape PowerShell's Get-Help reads from &lt;Assembly&gt;.dll-Help.xml (the same
/// elements platyPS's MAML renderer writes): details, description, syntax per parameter set, parameters, input and
/// output types, notes, examples and related links.
/// </summary>
public static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static XDocument Write(IEnumerable<HelpPage> pages) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"), pages.OrderBy(p => p.Name, StringComparer.Ordinal).Select(CommandOf)));

    private static XElement CommandOf(HelpPage page)
    {
        var dash = page.Name.IndexOf('-', StringComparison.Ordinal);
        return new XElement(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XElement(Command + "details",
                new XElement(Command + "name", page.Name),
                new XElement(Command + "verb", page.Name[..dash]),
                new XElement(Command + "noun", page.Name[(dash + 1)..]),
                Description(new[] { page.Synopsis })),
            Description(page.Description),
            new XElement(Command + "syntax", page.Syntax.Select(set => SyntaxItem(page, set))),
            new XElement(Command + "parameters", page.Parameters.Select(p => Parameter(p, p.Usages[0]))),
            new XElement(Command + "inputTypes", page.Inputs.Select(t => new XElement(Command + "inputType", Type(t.Name), Description(t.Description)))),
            new XElement(Command + "returnValues", page.Outputs.Select(t => new XElement(Command + "returnValue", Type(t.Name), Description(t.Description)))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paras(page.Notes))),
            new XElement(Command + "examples", page.Examples.Select(Example)),
            new XElement(Command + "relatedLinks", page.Links.Select(l =>
                new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", l.Text), new XElement(Maml + "uri", l.Uri)))));
    }

    private static XElement SyntaxItem(HelpPage page, SyntaxSet set) =>
        new(Command + "syntaxItem",
            new XElement(Maml + "name", page.Name),
            page.Parameters
                .Select(p => (Parameter: p, Usage: p.Usages.FirstOrDefault(u => u.AppliesTo(set.Name))))
                .Where(x => x.Usage is not null)
                .OrderBy(x => int.TryParse(x.Usage!.Position, out var position) ? position : int.MaxValue)
                .ThenBy(x => x.Usage!.Required ? 0 : 1)
                .Select(x => Parameter(x.Parameter, x.Usage!)));

    private static XElement Parameter(ParameterDoc parameter, ParameterUsage usage) =>
        new(Command + "parameter",
            new XAttribute("required", usage.Required ? "true" : "false"),
            new XAttribute("variableLength", usage.Type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false"),
            new XAttribute("globbing", usage.Wildcards ? "true" : "false"),
            new XAttribute("pipelineInput", usage.PipelineInput),
            new XAttribute("position", usage.Position.Equals("Named", StringComparison.OrdinalIgnoreCase) ? "named" : usage.Position),
            new XAttribute("aliases", usage.Aliases.Count > 0 ? string.Join(", ", usage.Aliases) : "none"),
            new XElement(Maml + "name", parameter.Name),
            Description(parameter.Description),
            parameter.IsSwitch ? null : new XElement(Command + "parameterValue", new XAttribute("required", "true"), new XAttribute("variableLength", "false"), usage.Type),
            Type(usage.Type),
            new XElement(Dev + "defaultValue", usage.DefaultValue));

    private static XElement Example(ExampleDoc example) =>
        new(Command + "example",
            new XElement(Maml + "title", example.Title),
            new XElement(Dev + "code", example.Code),
            new XElement(Dev + "remarks", Paras(example.Remarks)));

    private static XElement Type(string name) => new(Dev + "type", new XElement(Maml + "name", name), new XElement(Maml + "uri"));

    private static XElement Description(IEnumerable<string> paragraphs) => new(Maml + "description", Paras(paragraphs));

    private static IEnumerable<XElement> Paras(IEnumerable<string> paragraphs) => paragraphs.Select(p => new XElement(Maml + "para", p));
}
