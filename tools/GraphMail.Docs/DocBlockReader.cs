using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Markdig.Syntax;

namespace GraphMail.Docs;

/// <summary>
/// The ```powershell blocks of a markdown file, with the docs-test comments that apply to them (docs/README.md):
/// <c>&lt;!-- docs-test: setup ... --&gt;</c> (the page's setup, run before each block),
/// <c>&lt;!-- docs-test: skip REASON --&gt;</c>, <c>&lt;!-- docs-test: replace OLD =&gt; NEW --&gt;</c> and
/// <c>&lt;!-- docs-test: error ERRORID --&gt;</c> (for the next block), and a ```output block right after a block.
/// A block written as a console transcript (<see cref="Transcript"/>) runs its commands and shows its output.
/// </summary>
public static class DocBlockReader
{
    public const string Marker = "docs-test:";

    public static List<DocBlock> Read(string path, string name)
    {
        var markdown = File.ReadAllText(path).Replace("\r\n", "\n");
        var blocks = HelpPageReader.Document(markdown).Descendants<Block>().Where(b => b is FencedCodeBlock or HtmlBlock).ToList();
        var setup = blocks.OfType<HtmlBlock>().Select(Directive).FirstOrDefault(d => d.Verb == "setup").Text;

        var found = new List<DocBlock>();
        string? skip = null, error = null, outputFrom = null;
        var replacements = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is HtmlBlock html)
            {
                var (verb, text) = Directive(html);
                switch (verb)
                {
                    case "skip":
                        skip = text;
                        break;
                    case "error":
                        error = text.Trim();
                        break;
                    case "output-from":
                        outputFrom = text.Trim();
                        break;
                    case "replace":
                        var arrow = text.IndexOf(" => ", StringComparison.Ordinal);
                        if (arrow < 0)
                        {
                            throw new InvalidDataException($"{name}:{html.Line + 1}: docs-test: replace needs 'OLD => NEW'");
                        }

                        replacements.Add(new(text[..arrow], text[(arrow + 4)..]));
                        break;
                    case "setup" or null:
                        break;
                    default:
                        throw new InvalidDataException($"{name}:{html.Line + 1}: unknown docs-test directive '{verb}' (setup, skip, replace, error, output-from)");
                }

                continue;
            }

            var fence = (FencedCodeBlock)blocks[i];
            if (fence.Info != "powershell")
            {
                continue;
            }

            // An output block from elsewhere (a real tenant, Windows, a console prompt) is shown, not compared.
            var output = outputFrom is null && NextSibling(fence) is FencedCodeBlock { Info: "output" } next ? MarkdownText.Code(next) : null;
            var code = MarkdownText.Code(fence);
            if (Transcript.IsTranscript(code))
            {
                (code, var shown) = Transcript.Split(code);
                output ??= shown;
            }

            found.Add(new DocBlock(name, fence.Line + 1, code, setup, skip, replacements.ToList(), output, error));
            skip = null;
            error = null;
            outputFrom = null;
            replacements.Clear();
        }

        return found;
    }

    /// <summary>The block right after this one in its container (blank lines do not count), or null.</summary>
    private static Block? NextSibling(Block block)
    {
        var parent = block.Parent;
        var index = parent?.IndexOf(block) ?? -1;
        return parent is not null && index >= 0 && index + 1 < parent.Count ? parent[index + 1] : null;
    }

    /// <summary>"&lt;!-- docs-test: VERB TEXT --&gt;" as (VERB, TEXT); (null, "") for any other HTML.</summary>
    private static (string? Verb, string Text) Directive(HtmlBlock html)
    {
        var content = html.Lines.ToString().Trim();
        if (!content.StartsWith("<!--", StringComparison.Ordinal) || !content.EndsWith("-->", StringComparison.Ordinal))
        {
            return (null, string.Empty);
        }

        content = content[4..^3].Trim();
        if (!content.StartsWith(Marker, StringComparison.Ordinal))
        {
            return (null, string.Empty);
        }

        content = content[Marker.Length..].TrimStart(' ');
        var end = content.IndexOfAny(new[] { ' ', '\n' });
        return end < 0 ? (content, string.Empty) : (content[..end], content[(end + 1)..].Trim(' '));
    }
}
