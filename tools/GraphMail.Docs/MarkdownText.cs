using System.Collections.Generic;
using System.Linq;
using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GraphMail.Docs;

/// <summary>
/// Markdown blocks as the plain-text paragraphs Get-Help prints: emphasis markers dropped, inline code kept in
/// backticks, links as "text (url)", list items as "- item", code and tables kept line by line.
/// </summary>
public static class MarkdownText
{
    public static List<string> Paragraphs(IEnumerable<Block> blocks, string source)
    {
        var paragraphs = new List<string>();
        foreach (var block in blocks)
        {
            Add(block, source, paragraphs);
        }

        return paragraphs;
    }

    /// <summary>The text of a run of inlines (a heading, a paragraph).</summary>
    public static string Inline(ContainerInline? container)
    {
        var text = new StringBuilder();
        Append(container, text);
        return text.ToString().Trim();
    }

    /// <summary>The lines of a code block, without the fences.</summary>
    public static string Code(LeafBlock block) =>
        string.Join("\n", block.Lines.Lines.Take(block.Lines.Count).Select(line => line.Slice.ToString())).TrimEnd();

    private static void Add(Block block, string source, List<string> paragraphs)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                paragraphs.Add(Inline(paragraph.Inline));
                break;
            case HeadingBlock heading:
                paragraphs.Add(Inline(heading.Inline).ToUpperInvariant());
                break;
            case CodeBlock code:
                paragraphs.Add(Code(code));
                break;
            case Table table:
                paragraphs.Add(source.Substring(table.Span.Start, table.Span.Length).TrimEnd());
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? number++ + ". " : "- ";
                    paragraphs.Add(marker + string.Join(" ", Paragraphs(item, source)));
                }

                break;
            case HtmlBlock:
                break; // comments: the docs-example markers (docs/README.md), never help text
            case ContainerBlock container:
                paragraphs.AddRange(Paragraphs(container, source));
                break;
        }
    }

    private static void Append(ContainerInline? container, StringBuilder text)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append('`').Append(code.Content).Append('`');
                    break;
                case LineBreakInline lineBreak:
                    text.Append(lineBreak.IsHard ? "\n" : " ");
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case LinkInline link:
                    var linkText = Inline(link);
                    text.Append(linkText);
                    if (IsAbsolute(link.Url) && link.Url != linkText)
                    {
                        text.Append(" (").Append(link.Url).Append(')');
                    }

                    break;
                case HtmlInline:
                case HtmlEntityInline:
                    text.Append(inline is HtmlEntityInline entity ? entity.Transcoded.ToString() : string.Empty);
                    break;
                case ContainerInline inner:
                    Append(inner, text);
                    break;
            }
        }
    }

    public static bool IsAbsolute(string? url) =>
        url is not null && (url.StartsWith("https://", System.StringComparison.Ordinal) || url.StartsWith("http://", System.StringComparison.Ordinal));
}
