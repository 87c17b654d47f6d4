using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using GraphMail.IsolationHost;

namespace GraphMail.Bench.ModuleHost;

/// <summary>
/// Usage: GraphMail.Bench.ModuleHost &lt;moduleDirectory&gt; &lt;sandboxConnectionFile&gt; &lt;subject&gt;
/// What a fresh PowerShell session does for its first mail, without PowerShell's own start: import the built module,
/// Connect-GraphMail to the sandbox, send one message. Prints "accepted {phase times}" the moment the send is
/// accepted (the benchmark's clock stops there), then "cpu {milliseconds}" (the process's CPU time until then, which
/// a busy machine disturbs less than the clock), then one JSON line: every assembly, its load context, and the phase
/// that loaded it.
/// </summary>
public static class Program
{
    private static readonly List<(Assembly Assembly, string Phase)> Loads = new();
    private static string s_phase = "import";

    public static int Main(string[] args)
    {
        if (args.Length != 3)
        {
            Console.Error.WriteLine("usage: GraphMail.Bench.ModuleHost <moduleDirectory> <sandboxConnectionFile> <subject>");
            return 2;
        }

        // Cheap enough not to disturb the clock: the report is built after the send.
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) =>
        {
            lock (Loads)
            {
                Loads.Add((e.LoadedAssembly, s_phase));
            }
        };
        var clock = Stopwatch.StartNew();
        var module = PowerShellImport.Import(Path.Combine(args[0], "bin", "net8.0", "GraphMail.dll"));
        var imported = clock.Elapsed.TotalMilliseconds;

        s_phase = "connect";
        var connect = CmdletDriver.Run(module, ConnectStep(args[1]))[0];
        if (connect["outcome"] != "completed")
        {
            Console.Error.WriteLine("Connect-GraphMail failed: " + connect["error"]);
            return 1;
        }

        var connected = clock.Elapsed.TotalMilliseconds;
        s_phase = "send";
        var status = string.Join(", ", EngineSend.Send(module, new Dictionary<string, object?>
        {
            ["To"] = new[] { "cold-start@fabrikam.com" },
            ["Subject"] = args[2],
            ["Body"] = "GraphMail cold start",
        }));
        if (status != "Sent")
        {
            Console.Error.WriteLine("The send ended " + status);
            return 1;
        }

        var sent = clock.Elapsed.TotalMilliseconds;
        Console.WriteLine(FormattableString.Invariant($"accepted {{\"import\":{imported:0.0},\"connect\":{connected - imported:0.0},\"send\":{sent - connected:0.0}}}"));
        Console.WriteLine(FormattableString.Invariant($"cpu {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:0.0}"));
        Console.WriteLine(JsonSerializer.Serialize(Report()));
        return 0;
    }

    // Written out rather than serialized: the serializer's first use costs tens of milliseconds of JIT that are the host's, not GraphMail's.
    private static string ConnectStep(string connectionFile) =>
        "[{\"cmdlet\":\"Connect-GraphMail\",\"parameters\":{\"TenantId\":\"contoso.com\",\"ClientId\":\"51c27551-41e7-4952-a996-08bd0bfb1752\"," +
        "\"ClientSecret\":{\"secure\":\"Sbx8Q~GraphMailSender.Secret-0001\"},\"DefaultFrom\":\"noreply@contoso.com\",\"Sandbox\":\"" +
        JsonEncodedText.Encode(connectionFile) + "\"}}]";

    private static List<Dictionary<string, string?>> Report()
    {
        List<(Assembly Assembly, string Phase)> loads;
        lock (Loads)
        {
            loads = Loads.ToList();
        }

        var phases = loads.GroupBy(l => l.Assembly).ToDictionary(g => g.Key, g => g.First().Phase);
        return AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => new Dictionary<string, string?>
            {
                ["name"] = a.GetName().Name,
                ["context"] = AssemblyLoadContext.GetLoadContext(a)?.Name,
                ["phase"] = phases.TryGetValue(a, out var phase) ? phase : "host",
                ["location"] = a.IsDynamic ? null : a.Location,
            })
            .ToList();
    }
}
