using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using GraphMail.Docs;

namespace GraphMail.Module.Tests.Module;

/// <summary>
/// The PowerShell in an about_*.help.txt topic (plain text, so no markers): a run of lines indented 8 spaces or more
/// is code when PowerShell parses it without error, it starts with a variable, a keyword or a command (not prose or
/// a URL), and no line is laid out in columns (two spaces or more before anything but a comment: a table).
/// </summary>
public static class AboutTopicBlocks
{
    private const string CodeIndent = "        ";

    /// <summary>A block whose first line is this comment is listed, not run (the rest of the line says why).</summary>
    public const string SkipMarker = "# docs-test: skip";

    public static IEnumerable<DocBlock> Read(string path, string name)
    {
        var lines = File.ReadAllText(path).Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith(CodeIndent, StringComparison.Ordinal))
            {
                continue;
            }

            var start = i;
            var block = new List<string>();
            while (i < lines.Length && (lines[i].StartsWith(CodeIndent, StringComparison.Ordinal) ||
                                        (lines[i].Trim().Length == 0 && i + 1 < lines.Length && lines[i + 1].StartsWith(CodeIndent, StringComparison.Ordinal))))
            {
                block.Add(lines[i].Length >= CodeIndent.Length ? lines[i][CodeIndent.Length..] : string.Empty);
                i++;
            }

            var code = string.Join("\n", block).TrimEnd();
            if (IsCode(code))
            {
                var skip = code.StartsWith(SkipMarker, StringComparison.Ordinal) ? code.Split('\n')[0][SkipMarker.Length..].Trim() : null;
                yield return new DocBlock(name, start + 1, code, null, skip, Array.Empty<KeyValuePair<string, string>>(), null, null);
            }
        }
    }

    private static bool IsCode(string code)
    {
        var ast = Parser.ParseInput(code, out _, out var errors);
        if (errors.Length > 0 || ast.EndBlock is null || ast.EndBlock.Statements.Count == 0 || code.Split('\n').Any(IsColumnLayout))
        {
            return false;
        }

        return ast.EndBlock.Statements[0] switch
        {
            PipelineAst { PipelineElements: [CommandAst command, ..] } => IsCommand(command),
            PipelineAst { PipelineElements: [CommandExpressionAst { Expression: VariableExpressionAst }, ..] } => true,
            AssignmentStatementAst or IfStatementAst or LoopStatementAst or TryStatementAst or FunctionDefinitionAst => true,
            _ => false,
        };
    }

    /// <summary>
    /// A command: Verb-Noun, or a name given a script block (Pester's BeforeAll { ... }); not prose, a URL or a list of
    /// command names ("Start-GraphMailSandbox, Stop-GraphMailSandbox").
    /// </summary>
    private static bool IsCommand(CommandAst command) =>
        command.GetCommandName() is { } name && !name.Contains("://", StringComparison.Ordinal) &&
        (name.Contains('-', StringComparison.Ordinal) || command.CommandElements.Skip(1).Any(e => e is ScriptBlockExpressionAst)) &&
        (command.CommandElements.Count < 2 || command.CommandElements[1] is not (ArrayLiteralAst or UnaryExpressionAst));

    /// <summary>Two spaces or more inside a line (after its indentation), not before a comment: a column layout.</summary>
    private static bool IsColumnLayout(string line)
    {
        var text = line.TrimStart(' ');
        var gap = text.IndexOf("  ", StringComparison.Ordinal);
        return gap >= 0 && !text[gap..].TrimStart(' ').StartsWith('#');
    }
}
