using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using System.Threading;

namespace GraphMail.IsolationHost;

/// <summary>
/// Send-GraphMail as the cmdlet's Begin and End make their engine calls (ConnectionChannel, MessageSender, SendRun:
/// the whole command through SendAll), by reflection on the runspace's connection that Connect-GraphMail stored. The stub
/// System.Management.Automation cannot run the cmdlet itself (its MyInvocation is null). Every engine type is reached
/// through the connection object, so it is the copy in GraphMail's load context.
/// </summary>
public static class EngineSend
{
    private const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    /// <param name="commandLine">Send-GraphMail's parameters by name (To, Subject, Body, From, …).</param>
    /// <returns>Each message's SendStatus, with its error message when there is one.</returns>
    public static IReadOnlyList<string> Send(Assembly module, IDictionary<string, object?> commandLine)
    {
        var session = Get(null, module.GetType("GraphMail.Session.RunspaceSessions", throwOnError: true)!, "Current");
        var connection = Get(session, session.GetType(), "RequireConnection", call: true);
        var engine = connection.GetType().Assembly;
        var channel = Create(engine, "GraphMail.Engine.Sending.Http.ConnectionChannel", connection);
        try
        {
            var sender = Create(engine, "GraphMail.Engine.Sending.Paths.MessageSender", channel);
            var parameters = Call(engine.GetType("GraphMail.Engine.Sending.Model.MailParameters", throwOnError: true)!, null, "FromBound",
                new Dictionary<string, object?>(commandLine, StringComparer.OrdinalIgnoreCase));
            var defaultFrom = Get(Get(connection, connection.GetType(), "Info"), null, "DefaultFrom", allowNull: true);
            var senderType = engine.GetType("GraphMail.Engine.Sending.Paths.IMessageSender", throwOnError: true)!;
            var connect = Expression.Lambda(typeof(Func<>).MakeGenericType(senderType), Expression.Constant(sender, senderType)).Compile();
            var run = Create(engine, "GraphMail.Engine.Sending.SendRun", connect, parameters, defaultFrom, (Func<string, string>)Path.GetFullPath, CancellationToken.None);
            using var disposeRun = (IDisposable)run;
            var noRecords = Array.CreateInstance(engine.GetType("GraphMail.Engine.Sending.Pipeline.PipelineRecord", throwOnError: true)!, 0);
            var results = (IEnumerable)Call(run.GetType(), run, "SendAll", noRecords)!;
            return results.Cast<object>().Select(Describe).ToList();
        }
        finally
        {
            ((IDisposable)channel).Dispose();
        }
    }

    private static string Describe(object result) =>
        Get(result, null, "Status") + (Get(result, null, "Error", allowNull: true) is Exception error ? ": " + error.Message : string.Empty);

    private static object Get(object? target, Type? type, string name, bool call = false, bool allowNull = false)
    {
        type ??= target!.GetType();
        var value = call ? type.GetMethod(name, Any)!.Invoke(target, null) : type.GetProperty(name, Any)!.GetValue(target);
        return value ?? (allowNull ? null! : throw new InvalidOperationException(type.Name + "." + name + " is null."));
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
