using System.Collections.Generic;

namespace GraphMail.Docs;

/// <summary>
/// One PowerShell code block of the docs, with what the docs-example test needs to run it (docs/README.md):
/// the page's setup, text replacements, why it cannot run here, the output it shows, the error it expects.
/// </summary>
public sealed record DocBlock(
    string File,
    int Line,
    string Code,
    string? Setup,
    string? SkipReason,
    IReadOnlyList<KeyValuePair<string, string>> Replacements,
    string? ExpectedOutput,
    string? ExpectedErrorId)
{
    /// <summary>file:line, the block's name in test results.</summary>
    public string Id => File + ":" + Line;

    /// <summary>The code as the test runs it: every replacement applied in order.</summary>
    public string RunnableCode
    {
        get
        {
            var code = Code;
            foreach (var (old, replacement) in Replacements)
            {
                code = code.Replace(old, replacement, System.StringComparison.Ordinal);
            }

            return code;
        }
    }
}
