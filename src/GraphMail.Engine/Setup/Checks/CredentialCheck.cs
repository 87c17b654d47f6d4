using System;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;

namespace GraphMail.Engine.Setup.Checks;

/// <summary>Does the credential get a token? The connection engine signs in and maps every AADSTS code to a cause and fix.</summary>
internal static class CredentialCheck
{
    /// <summary>A connection of the test's own (never the runspace's), or null when Entra ID refused.</summary>
    internal static async Task<GraphMailConnection?> ConnectAsync(CheckList checks, SetupSubject subject, ConnectionRequest credentials, Action<string> status, CancellationToken cancellationToken)
    {
        try
        {
            status("Signing in on a connection of the test's own (the session's connection is left alone).");
            var connection = await Connector.ConnectAsync(credentials, status, cancellationToken).ConfigureAwait(false);
            Record(checks, subject, connection, "Entra ID issued a token");
            return connection;
        }
        catch (GraphMailException e)
        {
            checks.Add(Results.From(SetupCheck.Credential, e));
            return null;
        }
    }

    /// <summary>The runspace's connection: what it proved, and that it still gets a token.</summary>
    internal static async Task<bool> RenewAsync(CheckList checks, SetupSubject subject, GraphMailConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.AcquireTokenAsync(forceRefresh: false, cancellationToken).ConfigureAwait(false);
            Record(checks, subject, connection, "The current connection (Connect-GraphMail) holds a token");
            return true;
        }
        catch (GraphMailException e)
        {
            checks.Add(Results.From(SetupCheck.Credential, e, "The current connection can no longer get a token:"));
            return false;
        }
    }

    private static void Record(CheckList checks, SetupSubject subject, GraphMailConnection connection, string what)
    {
        var info = connection.Info;
        subject.ClientId = info.ClientId;
        subject.TenantId = info.TenantId.ToString("D");
        subject.IsManagedIdentity = info.CredentialKind == CredentialKind.ManagedIdentity;
        subject.Environment = info.Environment;
        subject.Cloud = info.IsSandbox ? "GraphMail.Sandbox" : info.Environment.ToString();
        subject.Mailbox = subject.Mailbox.Length > 0 ? subject.Mailbox : info.DefaultFrom ?? string.Empty;
        checks.Add(Results.Passed(SetupCheck.Credential, what + ": " + info + "."));
    }
}
