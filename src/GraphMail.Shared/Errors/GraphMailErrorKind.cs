namespace GraphMail;

/// <summary>
/// What kind of failure a <see cref="GraphMailException"/> reports. The cmdlet layer maps each kind to one
/// PowerShell ErrorCategory in a single table, so the engine stays free of System.Management.Automation.
/// </summary>
public enum GraphMailErrorKind
{
    InvalidArgument,
    InvalidData,
    ObjectNotFound,
    Authentication,
    PermissionDenied,
    LimitsExceeded,
    ResourceUnavailable,
    ConnectionError,
    OperationTimeout,
    OperationStopped,
    InvalidOperation,
    NotSupported,
}
