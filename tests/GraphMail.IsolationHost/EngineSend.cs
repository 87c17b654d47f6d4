using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;

namespace GraphMail.IsolationHost;

/// <summary>
/// Send-GraphMail reads MyInvocation, which the stub PowerShell leaves null, so this step makes the calls the
/// cmdlet makes, on the runspace's connection that Connect-GraphMail stored: ConnectionChannel, MessageSender,
/// SendRun (plan, prepare, submit, finish). Every engine type is reached through the connection object, so it is
/// the copy in GraphMail's load context.
/// </summary>
internal static class EngineSend
{
    internal static string Run(Assembly module, JsonElement parameters)
    {
        var sessions = module.GetType("GraphMail.Session.RunspaceSessions", throwOnError: true)!;
        var session = sessions.GetProperty("Current", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!.GetValue(null)!;
        var connection = session.GetType().GetMethod("RequireConnection", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)!.Invoke(session, null)!;
        var engine = connection.GetType().Assembly;

        var channel = Create(engine, "GraphMail.Engine.Sending.Http.ConnectionChannel", connection);
        var sender = Create(engine, "GraphMail.Engine.Sending.Paths.MessageSender", channel, null, DefaultOf(engine, "GraphMail.Engine.Sending.Paths.MessageSender", 2));
        var mail = Create(engine, "GraphMail.Engine.Sending.Model.MailParameters");
        foreach (var parameter in parameters.EnumerateObject())
        {
            var property = mail.GetType().GetProperty(parameter.Name)!;
            property.SetValue(mail, property.PropertyType == typeof(string[])
                ? parameter.Value.EnumerateArray().Select(v => v.GetString()!).ToArray()
                : parameter.Value.GetString());
        }

        using var run = (IDisposable)Create(engine, "GraphMail.Engine.Sending.SendRun",
            sender, mail, null, (Func<string, string>)(path => path), CancellationToken.None, null);
        dynamic dynamicRun = run;
        var statuses = new List<string>();
        foreach (var plan in (System.Collections.IEnumerable)dynamicRun.Planner.Complete())
        {
            var message = (object?)dynamicRun.Prepare((dynamic)plan);
            if (message is not null)
            {
                Collect(statuses, (System.Collections.IEnumerable)dynamicRun.Submit((dynamic)plan, (dynamic)message));
            }
        }

        Collect(statuses, (System.Collections.IEnumerable)dynamicRun.Finish());
        return string.Join(",", statuses);
    }

    private static void Collect(List<string> statuses, System.Collections.IEnumerable outcomes)
    {
        foreach (dynamic outcome in outcomes)
        {
            statuses.Add(outcome.Result.Status.ToString() + (outcome.Result.Error is null ? string.Empty : ": " + outcome.Result.Error.Message));
        }
    }

    private static object Create(Assembly engine, string typeName, params object?[] arguments) =>
        Activator.CreateInstance(engine.GetType(typeName, throwOnError: true)!, arguments)!;

    private static object? DefaultOf(Assembly engine, string typeName, int parameterIndex) =>
        engine.GetType(typeName, throwOnError: true)!.GetConstructors().Single().GetParameters()[parameterIndex].DefaultValue;
}
