using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace GraphMail.Errors;

/// <summary>
/// The one table from GraphMail's error kinds to PowerShell's ErrorCategory, and the one way GraphMail builds an
/// ErrorRecord: stable id, specific category, the user's input as target object (never the cmdlet).
/// </summary>
internal static class ErrorRecords
{
    private static readonly Dictionary<GraphMailErrorKind, ErrorCategory> Categories = new()
    {
        [GraphMailErrorKind.InvalidArgument] = ErrorCategory.InvalidArgument,
        [GraphMailErrorKind.InvalidData] = ErrorCategory.InvalidData,
        [GraphMailErrorKind.ObjectNotFound] = ErrorCategory.ObjectNotFound,
        [GraphMailErrorKind.Authentication] = ErrorCategory.AuthenticationError,
        [GraphMailErrorKind.PermissionDenied] = ErrorCategory.PermissionDenied,
        [GraphMailErrorKind.LimitsExceeded] = ErrorCategory.LimitsExceeded,
        [GraphMailErrorKind.ResourceUnavailable] = ErrorCategory.ResourceUnavailable,
        [GraphMailErrorKind.ConnectionError] = ErrorCategory.ConnectionError,
        [GraphMailErrorKind.OperationTimeout] = ErrorCategory.OperationTimeout,
        [GraphMailErrorKind.OperationStopped] = ErrorCategory.OperationStopped,
        [GraphMailErrorKind.InvalidOperation] = ErrorCategory.InvalidOperation,
        [GraphMailErrorKind.NotSupported] = ErrorCategory.NotImplemented,
    };

    internal static ErrorCategory CategoryOf(GraphMailErrorKind kind) =>
        Categories.TryGetValue(kind, out var category) ? category : ErrorCategory.NotSpecified;

    /// <summary>
    /// Windows PowerShell's NormalView does not print RecommendedAction, so there the fix stays in the message too;
    /// PowerShell 7's ConciseView prints it under "Recommendation:", so there it is printed once, there.
    /// </summary>
    private static readonly bool HostShowsRecommendation = typeof(PSObject).Assembly.GetName().Version?.Major >= 7;

    /// <summary>
    /// The record for an engine error: the offending value as TargetObject (the engine's when it named one), the
    /// error id as CategoryInfo's reason, the cause as the message and the fix as RecommendedAction.
    /// </summary>
    internal static ErrorRecord From(GraphMailException exception, object? target)
    {
        var offending = exception.Target ?? target;
        var record = new ErrorRecord(exception, exception.ErrorId, CategoryOf(exception.Kind), offending);
        var fix = exception.Fix is { Length: > 0 } given ? given : DefaultFix;
        record.ErrorDetails = new ErrorDetails(HostShowsRecommendation ? exception.Description : exception.Message) { RecommendedAction = fix };
        Describe(record, offending, exception.ErrorId);
        return record;
    }

    internal static ErrorRecord Stopped(object? target)
    {
        var record = new ErrorRecord(new OperationCanceledException("The operation was stopped."), ErrorIds.OperationStopped, ErrorCategory.OperationStopped, target)
        {
            ErrorDetails = new ErrorDetails("The operation was stopped.") { RecommendedAction = "Run the command again to finish it." },
        };
        Describe(record, target, ErrorIds.OperationStopped);
        return record;
    }

    private const string DefaultFix = "See the error id in Get-Help about_GraphMail, and the command's help with Get-Help <command> -Full.";

    /// <summary>CategoryInfo in words: the target as the user wrote it, never a .NET type name.</summary>
    private static void Describe(ErrorRecord record, object? target, string errorId)
    {
        record.CategoryInfo.Reason = errorId;
        switch (target)
        {
            case null:
                return;
            case string or ValueType:
                record.CategoryInfo.TargetType = target is string ? "String" : target.GetType().Name;
                return;
            case System.Collections.IDictionary dictionary:
                record.CategoryInfo.TargetName = Text(dictionary);
                record.CategoryInfo.TargetType = "Hashtable";
                return;
            default:
                var text = PSObject.AsPSObject(target).ToString();
                record.CategoryInfo.TargetName = Shorten(text);
                record.CategoryInfo.TargetType = target is PSObject ? "Object" : target.GetType().Name;
                return;
        }
    }

    private static string Text(System.Collections.IDictionary dictionary)
    {
        var parts = new List<string>();
        foreach (System.Collections.DictionaryEntry entry in dictionary)
        {
            parts.Add(entry.Key + "=" + Plain(PSObject.AsPSObject(entry.Value).BaseObject));
        }

        return Shorten("@{" + string.Join("; ", parts) + "}");
    }

    /// <summary>A value as the user typed it; "…" for anything else (a credential, a script block), never its type name.</summary>
    private static string Plain(object? value) => value switch
    {
        null => string.Empty,
        string or ValueType => value.ToString() ?? string.Empty,
        System.Collections.IEnumerable list => string.Join(",", Items(list)),
        _ => "…",
    };

    private static IEnumerable<string> Items(System.Collections.IEnumerable list)
    {
        foreach (var item in list)
        {
            yield return Plain(item is PSObject wrapped ? wrapped.BaseObject : item);
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 79) + "…";
}
