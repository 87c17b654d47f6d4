using System;
using System.Management.Automation;
using GraphMail.Engine.Connections;
using GraphMail.Errors;
using GraphMail.Session;

namespace GraphMail.Commands;

/// <summary>
/// Connects this runspace to Microsoft Graph as an app (secret, certificate, managed identity or environment variables).
/// A connect that fails leaves no connection: the one before it is closed too, so nothing that follows sends as that app.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "GraphMail", DefaultParameterSetName = ConnectParameterSets.ClientSecret, HelpUri = "https://github.com/graphmail/GraphMail/blob/main/docs/en-US/Connect-GraphMail.md")]
[OutputType(typeof(ConnectionInfo))]
public sealed class ConnectGraphMailCommand : GraphMailCredentialCmdlet
{
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DefaultFrom { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Which session Connect replaces; tests pass their own.</summary>
    private RunspaceSession Session { get; } = RunspaceSessions.Current;

    private protected override string? DefaultFromParameter => DefaultFrom;

    protected override void ProcessRecord()
    {
        GraphMailConnection connection;
        try
        {
            var request = ToRequest();
            WriteVerbose(request.ToString());
            connection = AwaitWithHost((bridge, cancellation) =>
                Connector.ConnectAsync(request, line => bridge.Post(() => WriteVerbose(line)), cancellation));
        }
        catch (GraphMailException e)
        {
            // A script that goes on after a failed connect must not send as the app it connected as before.
            var previous = Session.Connection?.ToString();
            ThrowEngineError(Session.Disconnect() ? WithPreviousClosed(e, previous) : e, ErrorTargetOf(e));
            return;
        }

        Session.Replace(connection);
        WriteVerbose("Connected: " + connection.Info);
        foreach (var warning in ConnectionAdvice.Warnings(connection.Info))
        {
            WriteWarning(warning);
        }

        if (PassThru)
        {
            WriteObject(connection.Info);
        }
    }

    private static GraphMailException WithPreviousClosed(GraphMailException error, string? previous) =>
        new GraphMailException(error.ErrorId, error.Kind,
            error.Cause + $" The earlier connection ({previous}) was closed as well, so nothing is sent as that app until Connect-GraphMail succeeds.",
            error.Fix, error.InnerException).Targeting(error.Target).WithService(error.ServiceCode, error.HttpStatus, error.RequestId, error.ClientRequestId);
}
