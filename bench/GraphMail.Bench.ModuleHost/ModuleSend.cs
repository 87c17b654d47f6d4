using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;

namespace GraphMail.Bench.ModuleHost;

/// <summary>
/// Send-GraphMail -To ... -Subject ... as the cmdlet's Begin and End make their engine calls, by reflection on the
/// module's own engine (loaded in GraphMail's load context). The stub System.Management.Automation cannot run the
/// cmdlet itself: its MyInvocation is null.
/// </summary>
internal static class ModuleSend
{
    private const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    /// <returns>The message's SendStatus, as text.</returns>
    internal static string Send(Assembly module, string to, string subject)
    {
        var session = Get(null, module.GetType("GraphMail.Session.RunspaceSessions", throwOnError: true)!, "Current");
        var connection = Get(session, session.GetType(), "RequireConnection", call: true);
        var engine = connection.GetType().Assembly;
        var channel = Create(engine, "GraphMail.Engine.Sending.Http.ConnectionChannel", connection);
        try
        {
            var sender = Create(engine, "GraphMail.Engine.Sending.Paths.MessageSender", channel);
            var commandLine = Call(engine.GetType("GraphMail.Engine.Sending.Model.MailParameters", throwOnError: true)!, null, "FromBound",
                new Dictionary<string, object?> { ["To"] = new[] { to }, ["Subject"] = subject, ["Body"] = "GraphMail cold start" });
            var defaultFrom = Get(Get(connection, connection.GetType(), "Info"), null, "DefaultFrom");
            var run = Create(engine, "GraphMail.Engine.Sending.SendRun", sender, commandLine, defaultFrom, (Func<string, string>)Path.GetFullPath, CancellationToken.None);
            using var disposeRun = (IDisposable)run;
            var outcomes = new List<object>();
            var planner = Get(run, null, "Planner");
            foreach (var plan in (IEnumerable)Call(planner.GetType(), planner, "Complete")!)
            {
                var message = Call(run.GetType(), run, "Prepare", plan) ?? throw new InvalidOperationException("The message failed its checks.");
                outcomes.AddRange(((IEnumerable)Call(run.GetType(), run, "Submit", plan, message)!).Cast<object>());
            }

            outcomes.AddRange(((IEnumerable)Call(run.GetType(), run, "Finish")!).Cast<object>());
            var result = Get(outcomes.Single(), null, "Result");
            return Get(result, null, "Status").ToString()!;
        }
        finally
        {
            ((IDisposable)channel).Dispose();
        }
    }

    private static object Get(object? target, Type? type, string name, bool call = false)
    {
        type ??= target!.GetType();
        return (call ? type.GetMethod(name, Any)!.Invoke(target, null) : type.GetProperty(name, Any)!.GetValue(target))
            ?? throw new InvalidOperationException(type.Name + "." + name + " is null.");
    }

    private static object? Call(Type type, object? target, string name, params object?[] arguments) =>
        type.GetMethods(Any).Single(m => m.Name == name && m.GetParameters().Length == arguments.Length).Invoke(target, arguments);

    /// <summary>Calls the type's one public constructor; parameters not given take their defaults.</summary>
    private static object Create(Assembly engine, string typeName, params object?[] given)
    {
        var constructor = engine.GetType(typeName, throwOnError: true)!.GetConstructors().Single();
        var parameters = constructor.GetParameters();
        return constructor.Invoke(parameters.Select((p, i) => i < given.Length ? given[i] : p.DefaultValue).ToArray());
    }
}
