using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GraphMail.Docs;

/// <summary>
/// Reads a platyPS (schema 2.0.0) page: front matter, "# Name", then "## SECTION"s whose "### " headings are parameter
/// sets (SYNTAX), parameters (PARAMETERS, each with ```yaml blocks), examples, input and output types.
/// </summary>
public static class HelpPageReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().Build();

    public static HelpPage Read(string path) => Parse(File.ReadAllText(path).Replace("\r\n", "\n"), path);

    public static MarkdownDocument Document(string markdown) => Markdown.Parse(markdown, Pipeline);

    public static HelpPage Parse(string markdown, string origin)
    {
        var document = Document(markdown);
        var frontMatter = document.OfType<YamlFrontMatterBlock>().Select(b => KeyValues(b)).FirstOrDefault() ?? new Dictionary<string, string>();
        var name = document.OfType<HeadingBlock>().Where(h => h.Level == 1).Select(h => MarkdownText.Inline(h.Inline)).FirstOrDefault()
                   ?? throw new InvalidDataException(origin + ": no '# Cmdlet-Name' heading");
        var sections = Sections(document, 2);

        List<Block> Section(string title) =>
            sections.TryGetValue(title, out var blocks) ? blocks : throw new InvalidDataException($"{origin}: no '## {title}' section");

        return new HelpPage(
            name,
            frontMatter.TryGetValue("online version", out var online) && online.Length > 0 ? online : null,
            string.Join(" ", MarkdownText.Paragraphs(Section("SYNOPSIS"), markdown)),
            MarkdownText.Paragraphs(Section("DESCRIPTION"), markdown),
            ReadSyntax(Section("SYNTAX")),
            ReadParameters(Section("PARAMETERS"), markdown, origin),
            ReadTypes(Section("INPUTS"), markdown),
            ReadTypes(Section("OUTPUTS"), markdown),
            sections.TryGetValue("NOTES", out var notes) ? MarkdownText.Paragraphs(notes, markdown) : new List<string>(),
            ReadExamples(Section("EXAMPLES"), markdown),
            ReadLinks(Section("RELATED LINKS"), frontMatter));
    }

    /// <summary>The blocks under each heading of the given level, by heading text.</summary>
    private static Dictionary<string, List<Block>> Sections(IEnumerable<Block> blocks, int level)
    {
        var sections = new Dictionary<string, List<Block>>(StringComparer.Ordinal);
        List<Block>? current = null;
        foreach (var block in blocks)
        {
            if (block is HeadingBlock heading && heading.Level <= level)
            {
                current = heading.Level == level ? sections[MarkdownText.Inline(heading.Inline)] = new List<Block>() : null;
            }
            else
            {
                current?.Add(block);
            }
        }

        return sections;
    }

    /// <summary>The "### Heading" subsections of a section, in order, each with its blocks.</summary>
    private static List<(string Title, List<Block> Blocks)> Subsections(IEnumerable<Block> blocks)
    {
        var subsections = new List<(string, List<Block>)>();
        foreach (var block in blocks)
        {
            if (block is HeadingBlock { Level: 3 } heading)
            {
                subsections.Add((MarkdownText.Inline(heading.Inline), new List<Block>()));
            }
            else if (subsections.Count > 0)
            {
                subsections[^1].Item2.Add(block);
            }
        }

        return subsections;
    }

    private static List<SyntaxSet> ReadSyntax(List<Block> blocks)
    {
        const string defaultMark = "(Default)";
        var sets = Subsections(blocks)
            .Select(s => s.Title.EndsWith(defaultMark, StringComparison.Ordinal)
                ? new SyntaxSet(s.Title[..^defaultMark.Length].Trim(), true)
                : new SyntaxSet(s.Title, false))
            .ToList();
        return sets.Count > 0 ? sets : new List<SyntaxSet> { new(ParameterUsage.AllSets, true) };
    }

    private static List<ParameterDoc> ReadParameters(List<Block> blocks, string source, string origin)
    {
        var parameters = new List<ParameterDoc>();
        foreach (var (title, body) in Subsections(blocks))
        {
            if (!title.StartsWith('-'))
            {
                continue; // CommonParameters
            }

            var usages = body.OfType<FencedCodeBlock>().Where(b => b.Info == "yaml").Select(b => Usage(KeyValues(b), origin, title)).ToList();
            if (usages.Count == 0)
            {
                throw new InvalidDataException($"{origin}: parameter {title} has no ```yaml block");
            }

            parameters.Add(new ParameterDoc(title[1..], MarkdownText.Paragraphs(body.Where(b => b is not FencedCodeBlock { Info: "yaml" }), source), usages));
        }

        return parameters;
    }

    private static ParameterUsage Usage(Dictionary<string, string> yaml, string origin, string parameter)
    {
        string Value(string key) => yaml.TryGetValue(key, out var value) ? value : throw new InvalidDataException($"{origin}: {parameter} has no '{key}:'");
        static List<string> List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(v => !v.Equals("None", StringComparison.OrdinalIgnoreCase)).ToList();

        return new ParameterUsage(
            Value("Type"),
            List(Value("Parameter Sets")),
            List(Value("Aliases")),
            bool.Parse(Value("Required")),
            Value("Position"),
            Value("Default value"),
            Value("Accept pipeline input"),
            bool.Parse(Value("Accept wildcard characters")));
    }

    private static List<TypeDoc> ReadTypes(List<Block> blocks, string source) =>
        Subsections(blocks).Select(s => new TypeDoc(s.Title, MarkdownText.Paragraphs(s.Blocks, source))).ToList();

    private static List<ExampleDoc> ReadExamples(List<Block> blocks, string source)
    {
        var examples = new List<ExampleDoc>();
        foreach (var (title, body) in Subsections(blocks))
        {
            var code = body.TakeWhile(b => b is FencedCodeBlock or HtmlBlock).OfType<FencedCodeBlock>().Select(MarkdownText.Code);
            var remarks = body.SkipWhile(b => b is FencedCodeBlock or HtmlBlock);
            examples.Add(new ExampleDoc(title, string.Join("\n\n", code), MarkdownText.Paragraphs(remarks, source)));
        }

        return examples;
    }

    private static List<LinkDoc> ReadLinks(List<Block> blocks, Dictionary<string, string> frontMatter)
    {
        var links = new List<LinkDoc>();
        if (frontMatter.TryGetValue("online version", out var online) && online.Length > 0)
        {
            links.Add(new LinkDoc("Online Version:", online));
        }

        foreach (var link in blocks.OfType<ParagraphBlock>().SelectMany(p => p.Inline?.Descendants<LinkInline>() ?? Enumerable.Empty<LinkInline>()))
        {
            links.Add(new LinkDoc(MarkdownText.Inline(link), MarkdownText.IsAbsolute(link.Url) ? link.Url! : string.Empty));
        }

        return links;
    }

    /// <summary>"key: value" lines (front matter, a parameter's yaml block): split at the first colon.</summary>
    private static Dictionary<string, string> KeyValues(LeafBlock block)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString()))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                values[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return values;
    }
}
