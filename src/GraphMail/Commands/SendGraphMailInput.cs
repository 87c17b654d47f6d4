using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Pipeline;

namespace GraphMail.Commands;

/// <summary>
/// A piped object as the engine's pipeline rule needs it: what PowerShell bound from it, and the raw values of its
/// properties named like a parameter that binds by property name (or one of its aliases), so that a value PowerShell
/// silently could not bind ('maybe' for -BodyAsHtml) is reported instead of lost.
/// </summary>
internal sealed class SendGraphMailInput
{
    private readonly Dictionary<string, string> _parameterByName = new(StringComparer.OrdinalIgnoreCase);

    internal SendGraphMailInput(CommandInfo command)
    {
        foreach (var parameter in command.Parameters.Values.Where(p => p.ParameterSets.Values.Any(s => s.ValueFromPipelineByPropertyName)))
        {
            foreach (var name in parameter.Aliases.Prepend(parameter.Name))
            {
                _parameterByName[name] = parameter.Name;
            }
        }
    }

    internal PipelineRecord Read(int index, PSObject? input, Dictionary<string, object?> bound)
    {
        var properties = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (input is not null && input.BaseObject is not string)
        {
            foreach (var pair in _parameterByName)
            {
                if (!properties.ContainsKey(pair.Value) && TryValue(input, pair.Key, out var value))
                {
                    properties[pair.Value] = value;
                }
            }
        }

        var isFile = input?.BaseObject is string or FileSystemInfo || (input is not null && TryValue(input, "PSPath", out _));
        if (input?.BaseObject is FileSystemInfo file && bound.ContainsKey("Attachments"))
        {
            // Bound by its PSPath ("Microsoft.PowerShell.Core\FileSystem::/logs/a.log"); messages name the path itself.
            bound["Attachments"] = file.FullName;
        }

        // A custom object (an Import-Csv row) is its properties, which live on the wrapper: keep that, as scripts see it.
        var self = input is { BaseObject: PSCustomObject } ? input : input?.BaseObject;
        return new PipelineRecord(index, self, isFile, MailParameters.FromBound(bound), properties);
    }

    /// <summary>A property's value (unwrapped); false when the object has no such property or it cannot be read.</summary>
    private static bool TryValue(PSObject input, string name, out object? value)
    {
        value = null;
        if (input.Properties[name] is not { } property)
        {
            return false;
        }

        try
        {
            value = property.Value is PSObject wrapped ? wrapped.BaseObject : property.Value;
            return true;
        }
        catch (GetValueException)
        {
            return false;
        }
    }
}

/// <summary>
/// Lets switches and booleans take what Import-Csv gives: 'true', 'false', '1', '0'. PowerShell on its own refuses
/// text for them, and in a pipeline it does so silently; other text is still left to PowerShell to refuse, and the
/// record check names it (a transformation that threw here would make PowerShell drop the whole record instead).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class BooleanTextAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData) =>
        BooleanText.Read(inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is { } flag ? flag : inputData;
}

/// <summary>
/// Lets a text parameter take lines, as Get-Content returns them: -Body (Get-Content ./body.txt) is the file's text,
/// its lines joined with line breaks. PowerShell on its own refuses an array for a string parameter.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class LinesTextAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is System.Collections.IEnumerable lines and not string and not System.Collections.IDictionary
            ? string.Join(Environment.NewLine, lines.Cast<object?>().Select(line => line is PSObject item ? item.BaseObject : line))
            : inputData;
}
