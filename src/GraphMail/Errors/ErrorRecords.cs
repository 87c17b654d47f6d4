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

    internal static ErrorRecord From(GraphMailException exception, object? target)
    {
        var record = new ErrorRecord(exception, exception.ErrorId, CategoryOf(exception.Kind), target);
        if (exception.Fix is { Length: > 0 } fix)
        {
            record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = fix };
        }

        return record;
    }

    internal static ErrorRecord Stopped(object? target) =>
        new(new OperationCanceledException("The operation was stopped."), ErrorIds.OperationStopped, ErrorCategory.OperationStopped, target);
}
