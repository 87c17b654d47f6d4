using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace GraphMail.Engine.SandboxHosting.Launching;

/// <summary>
/// One command line from separate arguments, quoted so that both Windows (CommandLineToArgvW, the dotnet host) and
/// .NET on Unix split it back into the same arguments. netstandard2.0 has no ProcessStartInfo.ArgumentList.
/// </summary>
internal static class ProcessArguments
{
    internal static string Join(IEnumerable<string> arguments) => string.Join(" ", arguments.Select(Quote));

    internal static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '\n', '\v', '"' }) < 0)
        {
            return argument;
        }

        var quoted = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var character in argument)
        {
            if (character == '\\')
            {
                backslashes++;
                continue;
            }

            // Backslashes count double only before a quote, the argument's own or the closing one.
            quoted.Append('\\', character == '"' ? (2 * backslashes) + 1 : backslashes).Append(character);
            backslashes = 0;
        }

        return quoted.Append('\\', 2 * backslashes).Append('"').ToString();
    }
}
