using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Security;
using System.Text.Json;

namespace GraphMail.IsolationHost;

/// <summary>
/// Runs cmdlets of the imported module the only way a process without PowerShell can: create the cmdlet, set its
/// parameters, call BeginProcessing/ProcessRecord/EndProcessing. The stub PowerShell drops their output, so a
/// step reports only whether it threw; the sandbox's record shows what was really sent.
/// Steps file: [{"cmdlet":"Connect-GraphMail","parameters":{"Sandbox":"...","ClientSecret":{"secure":"..."}}}]
/// </summary>
internal static class CmdletDriver
{
    private static readonly string[] Phases = { "BeginProcessing", "ProcessRecord", "EndProcessing" };

    internal static List<Dictionary<string, string?>> Run(Assembly module, string stepsJson)
    {
        var results = new List<Dictionary<string, string?>>();
        using var steps = JsonDocument.Parse(stepsJson);
        foreach (var step in steps.RootElement.EnumerateArray())
        {
            var name = step.GetProperty("cmdlet").GetString()!;
            var result = new Dictionary<string, string?> { ["cmdlet"] = name };
            try
            {
                if (name == "SendThroughEngine")
                {
                    result["outcome"] = "completed";
                    result["statuses"] = string.Join(",", EngineSend.Send(module, step.GetProperty("parameters").EnumerateObject().ToDictionary(
                        p => p.Name,
                        p => p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray() : (object?)p.Value.GetString())));
                    results.Add(result);
                    continue;
                }

                var cmdlet = Create(module, name);
                foreach (var parameter in step.GetProperty("parameters").EnumerateObject())
                {
                    var property = cmdlet.GetType().GetProperty(parameter.Name) ?? throw new InvalidOperationException($"{name} has no parameter {parameter.Name}");
                    property.SetValue(cmdlet, Convert(parameter.Value, property.PropertyType));
                }

                foreach (var phase in Phases)
                {
                    cmdlet.GetType().GetMethod(phase, BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(cmdlet, null);
                }

                result["outcome"] = "completed";
            }
            catch (TargetInvocationException e)
            {
                result["outcome"] = "threw";
                result["error"] = e.InnerException?.ToString();
            }
            catch (Exception e) when (e is InvalidOperationException or Microsoft.CSharp.RuntimeBinder.RuntimeBinderException or ArgumentException)
            {
                result["outcome"] = "threw";
                result["error"] = e.ToString();
            }

            results.Add(result);
        }

        return results;
    }

    private static object Create(Assembly module, string cmdletName)
    {
        var parts = cmdletName.Split('-', 2);
        var type = module.GetExportedTypes().Single(t => t.GetCustomAttributesData().Any(a =>
            a.AttributeType.Name == "CmdletAttribute" &&
            (string?)a.ConstructorArguments[0].Value == parts[0] &&
            (string?)a.ConstructorArguments[1].Value == parts[1]));
        return Activator.CreateInstance(type)!;
    }

    private static object? Convert(JsonElement value, Type target)
    {
        if (target == typeof(SecureString))
        {
            var secure = new SecureString();
            foreach (var c in value.GetProperty("secure").GetString()!)
            {
                secure.AppendChar(c);
            }

            return secure;
        }

        if (target == typeof(string[]))
        {
            return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString()!).ToArray() : new[] { value.GetString()! };
        }

        if (target.Name == "SwitchParameter")
        {
            return Activator.CreateInstance(target, value.GetBoolean());
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : value.Deserialize(target);
    }
}
