using System;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;

namespace GraphMail.Engine.Applications;

/// <summary>
/// New apps and credentials take a while to replicate in Entra ID: until then a sign-in gets AADSTS700016 (app not
/// found), 7000215 (secret) or 700027 (certificate key). This signs in with the new credential until Entra ID
/// accepts it, backing off from 1 to 10 seconds, within a bound, reporting each attempt.
/// </summary>
internal static class CredentialWait
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(10);

    internal static Task<bool> UntilAcceptedAsync(ConnectionRequest signIn, TimeSpan timeout, Action<string> status, CancellationToken cancellationToken) =>
        UntilAcceptedAsync(signIn, timeout, status, Task.Delay, () => DateTimeOffset.UtcNow, cancellationToken);

    /// <param name="delay">How a pause is waited (tests pass one that moves <paramref name="now"/> instead).</param>
    internal static async Task<bool> UntilAcceptedAsync(
        ConnectionRequest signIn, TimeSpan timeout, Action<string> status, Func<TimeSpan, CancellationToken, Task> delay, Func<DateTimeOffset> now,
        CancellationToken cancellationToken)
    {
        var started = now();
        var pause = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            var waited = now() - started;
            status($"Waiting for Entra ID to accept the new credential: sign-in attempt {attempt}, {waited.TotalSeconds:0} s of at most {timeout.TotalSeconds:0} s");
            try
            {
                using var connection = await Connector.ConnectAsync(signIn, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (GraphMailException e) when (NotReplicatedYet(e))
            {
                if (now() - started + pause > timeout)
                {
                    throw new GraphMailException(ErrorIds.CredentialNotAccepted, GraphMailErrorKind.OperationTimeout,
                        $"Entra ID still refuses the new credential of app {signIn.ClientId} after {timeout.TotalSeconds:0} s ({e.ServiceCode}): it has not replicated yet.",
                        "Wait a few minutes and run Connect-GraphMail, or run New-GraphMailApplication again (it finds what exists and waits again); -WaitTimeoutSeconds waits longer.", e)
                        .WithService(e.ServiceCode, e.HttpStatus, e.RequestId, e.ClientRequestId);
                }

                await delay(pause, cancellationToken).ConfigureAwait(false);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
            }
        }
    }

    internal static bool NotReplicatedYet(GraphMailException e) =>
        e.ErrorId is ErrorIds.ApplicationNotFoundInTenant or ErrorIds.ClientSecretInvalid or ErrorIds.CertificateNotRegistered;
}
