using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using GraphMail.Engine.Sending.Model;

namespace GraphMail.Completion;

/// <summary>
/// Completes Send-GraphMail -Encoding with the names it takes, as Send-MailMessage's -Encoding completes. An
/// IArgumentCompleter rather than ArgumentCompletions, which Windows PowerShell 5.1 does not have.
/// </summary>
internal sealed class EncodingCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return EncodingNames.Names
            .Where(name => name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(name => new CompletionResult(name, name, CompletionResultType.ParameterValue, name));
    }
}
