using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections.Admin;
using GraphMail.Session;

namespace GraphMail.Commands;

/// <summary>
/// What every cmdlet that works in the directory shares: the administrator's sign-in parameters, and the session's
/// admin sign-in, reused when it fits and made (device code, shown as a warning) when there is none.
/// </summary>
public abstract class GraphMailAdminCmdlet : GraphMailCloudCmdlet
{
    [Parameter]
    [ValidateNotNullOrEmpty]
    [Alias("Tenant")]
    public virtual string? TenantId { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? AdminClientId { get; set; }

    [Parameter]
    public SwitchParameter Interactive { get; set; }

    /// <summary>Whose admin sign-in this is; tests pass their own.</summary>
    private protected RunspaceSession Session { get; } = RunspaceSessions.Current;

    /// <summary>The sign-in parameters as the engine takes them; made on the pipeline thread (a sandbox path is resolved here).</summary>
    private protected AdminSignInRequest SignInRequest() => new()
    {
        TenantId = TenantId,
        Environment = Environment,
        Sandbox = SandboxEndpointOf(Sandbox),
        AdminClientId = AdminClientId,
        Interactive = Interactive.IsPresent,
    };

    /// <summary>Signs the administrator in, the device code shown as a warning, and makes it the session's admin sign-in.</summary>
    private protected async Task<AdminSession> SignInAsync(AdminSignInRequest request, HostBridge bridge, CancellationToken cancellationToken)
    {
        request.ShowDeviceCode = message => bridge.Post(() => WriteWarning(message));
        bridge.Post(() => WriteVerbose(request.ToString()));
        var connection = await AdminSignIn.SignInAsync(request, cancellationToken).ConfigureAwait(false);
        var session = new AdminSession(connection, Sandbox);
        Session.ReplaceAdmin(session);
        return session;
    }

    /// <summary>The session's admin sign-in when the parameters given fit it; otherwise a new sign-in (which needs -TenantId).</summary>
    private protected Task<AdminSession> AdminAsync(AdminSignInRequest request, HostBridge bridge, CancellationToken cancellationToken)
    {
        if (Session.Admin is { } current && Fits(current))
        {
            return Task.FromResult(current);
        }

        return TenantId is null
            ? throw new GraphMailException(ErrorIds.AdminNotConnected, GraphMailErrorKind.InvalidOperation,
                "No administrator is signed in to this session.",
                "Add -TenantId <tenant> to sign in now (a device code), or run Connect-GraphMailAdmin -TenantId <tenant> first.")
            : SignInAsync(request, bridge, cancellationToken);
    }

    private bool Fits(AdminSession current)
    {
        var info = current.Connection.Info;
        var tenantFits = TenantId is null ||
                         (Guid.TryParse(TenantId, out var id) ? id == info.TenantId : string.Equals(TenantId, info.TenantDomain, StringComparison.OrdinalIgnoreCase));
        var placeFits = Sandbox is null ? !info.IsSandbox || (TenantId is null && !EnvironmentGiven) : string.Equals(Sandbox, current.SandboxText, StringComparison.Ordinal);
        var cloudFits = !EnvironmentGiven || info.IsSandbox || string.Equals(info.Cloud, Environment.ToString(), StringComparison.Ordinal);
        var clientFits = AdminClientId is null || string.Equals(AdminClientId, info.ClientId, StringComparison.OrdinalIgnoreCase);
        return tenantFits && placeFits && cloudFits && clientFits && !Interactive.IsPresent;
    }
}
