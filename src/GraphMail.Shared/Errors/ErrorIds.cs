namespace GraphMail;

/// <summary>
/// Every ErrorId GraphMail writes, in one place. Ids are PascalCase, stable across releases, and are what
/// scripts match on (<c>$err.FullyQualifiedErrorId -like 'GraphMailNotConnected,*'</c>). Add, never rename.
/// </summary>
public static class ErrorIds
{
    // Module and session
    public const string NotConnected = "GraphMailNotConnected";
    public const string OperationStopped = "GraphMailOperationStopped";
    public const string UnexpectedError = "GraphMailUnexpectedError";

    // Connections
    public const string InvalidSandboxEndpoint = "InvalidSandboxEndpoint";
}
