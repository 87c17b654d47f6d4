using System;
using System.Collections.Generic;
using System.Linq;

namespace GraphMail.Docs;

/// <summary>
/// A block written as a console transcript: lines after a prompt ("PS C:\&gt; ", "PS&gt; ") are the commands, lines
/// after "&gt;&gt; " continue them, comment lines followed by a prompt are remarks in the code, and every other line
/// is the output they print.
/// </summary>
public static class Transcript
{
    private static readonly string[] Prompts = { "PS C:\\> ", "PS> " };
    private const string Continuation = ">> ";

    public static bool IsTranscript(string code) =>
        code.Split('\n').FirstOrDefault(l => !l.TrimStart().StartsWith('#')) is { } first && Prompts.Any(p => first.StartsWith(p, StringComparison.Ordinal));

    /// <summary>The commands and the output (null when the transcript shows none).</summary>
    public static (string Code, string? Output) Split(string transcript)
    {
        var code = new List<string>();
        var output = new List<string>();
        var lines = transcript.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var prompt = Prompts.FirstOrDefault(p => line.StartsWith(p, StringComparison.Ordinal));
            if (prompt is not null)
            {
                code.Add(line[prompt.Length..]);
            }
            else if (line.StartsWith(Continuation, StringComparison.Ordinal) || line == Continuation.TrimEnd())
            {
                code.Add(line.Length > Continuation.Length ? line[Continuation.Length..] : string.Empty);
            }
            else if (line.TrimStart().StartsWith('#') && PromptFollows(lines, i))
            {
                code.Add(line);
            }
            else
            {
                output.Add(line);
            }
        }

        var shown = string.Join("\n", output).Trim('\n');
        return (string.Join("\n", code), shown.Length > 0 ? shown : null);
    }

    /// <summary>True when the comment at <paramref name="index"/> is followed (after more comments) by a prompt: a remark, not output.</summary>
    private static bool PromptFollows(string[] lines, int index)
    {
        var next = lines.Skip(index + 1).FirstOrDefault(l => !l.TrimStart().StartsWith('#'));
        return next is not null && Prompts.Any(p => next.StartsWith(p, StringComparison.Ordinal));
    }
}
