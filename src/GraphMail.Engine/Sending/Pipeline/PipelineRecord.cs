using System;
using System.Collections.Generic;
using GraphMail.Engine.Sending.Model;

namespace GraphMail.Engine.Sending.Pipeline;

/// <summary>
/// One object piped to Send-GraphMail, as the cmdlet saw it: what PowerShell bound from it, and the raw values of
/// its properties that are named like a parameter (so a value PowerShell could not bind is noticed, not lost).
/// </summary>
public sealed class PipelineRecord
{
    /// <param name="index">Its position in the command's pipeline input, from 0.</param>
    /// <param name="input">The object itself.</param>
    /// <param name="isFile">True for a path or a file (a string, or an object with a PSPath): it names an attachment.</param>
    /// <param name="bound">The parameters PowerShell bound from it (by property name, or by value), unwrapped.</param>
    /// <param name="properties">Its properties named like a parameter that binds by property name (or an alias), by parameter name.</param>
    public PipelineRecord(int index, object? input, bool isFile, MailParameters bound, IReadOnlyDictionary<string, object?> properties)
    {
        Index = index;
        Input = input;
        IsFile = isFile;
        Bound = bound;
        var copy = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in properties)
        {
            copy[pair.Key] = pair.Value;
        }

        Properties = copy;
    }

    public int Index { get; }

    public object? Input { get; }

    public bool IsFile { get; }

    public MailParameters Bound { get; }

    public IReadOnlyDictionary<string, object?> Properties { get; }

    /// <summary>A record that names message values (a mail-merge row) rather than only a file to attach.</summary>
    internal bool IsMessage
    {
        get
        {
            if (IsFile)
            {
                return false;
            }

            foreach (var name in Properties.Keys)
            {
                if (!name.Equals(nameof(MailParameters.Attachments), StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A record that only names files to attach (Get-ChildItem output, a path, an Attachments column alone).</summary>
    internal bool IsAttachmentOnly => IsFile || (Properties.Count > 0 && !IsMessage);
}
