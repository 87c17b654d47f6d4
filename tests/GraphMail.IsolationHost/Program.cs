using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace GraphMail.IsolationHost;

/// <summary>
/// Usage: GraphMail.IsolationHost import &lt;moduleDirectory&gt;
///        GraphMail.IsolationHost send &lt;moduleDirectory&gt; &lt;scriptFile&gt;
/// Prints one JSON object on stdout describing every loaded assembly and, for "send", what each step did.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: GraphMail.IsolationHost import|send <moduleDirectory> [stepsFile]");
            return 2;
        }

        var report = new Dictionary<string, object?>
        {
            ["preloadedMsal"] = PreloadForeignMsal(),
        };

        var graphMail = PowerShellImport.Import(Path.Combine(args[1], "bin", "net8.0", "GraphMail.dll"));
        report["assembliesAfterImport"] = PowerShellImport.LoadedAssemblies();

        if (args[0] == "send")
        {
            report["steps"] = CmdletDriver.Run(graphMail, File.ReadAllText(args[2]));
            report["assembliesAfterUse"] = PowerShellImport.LoadedAssemblies();
        }

        Console.WriteLine(JsonSerializer.Serialize(report));
        return 0;
    }

    // What ExchangeOnlineManagement does to a session: its own MSAL in the default load context.
    private static string PreloadForeignMsal() =>
        typeof(Microsoft.Identity.Client.PublicClientApplication).Assembly.GetName().Version!.ToString();
}
