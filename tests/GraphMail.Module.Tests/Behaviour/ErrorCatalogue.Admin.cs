using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using GraphMail.Module.Tests.Infrastructure;
using GraphMail.Sandbox.Control;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Module.Tests.Behaviour;

/// <summary>
/// The admin sign-in and app registration, through the sandbox's device code flow (its deviceCodeApprover setting
/// approves as the given user) and directory API.
/// </summary>
public sealed partial class ErrorCatalogueTests
{
    private const string ConnectAdmin = "Connect-GraphMailAdmin -TenantId contoso.com -Sandbox $SandboxReadyLine -WarningAction SilentlyContinue\n";

    /// <summary>Sign-ins are approved at once as this user; new credentials are accepted at once.</summary>
    private static Action<SandboxControl> ApprovedAs(string userPrincipalName) =>
        control => control.UpdateSettings(s => s with { DeviceCodeApprover = userPrincipalName, ReplicationDelaySeconds = 0 });

    private static readonly Action<SandboxControl> AsAdmin = ApprovedAs(SandboxDefaults.Admin);

    /// <summary>The user declines the sign-in as soon as its device code is issued.</summary>
    private static void DeclineTheSignIn(SandboxControl control)
    {
        control.UpdateSettings(s => s with { DeviceCodeIntervalSeconds = 1, DeviceCodeLifetimeSeconds = 60 });
        _ = control.WaitForRequestAsync(r => r.Route == RouteNames.DeviceCode && r.Status == 200).ContinueWith(_ => control.DeclineDeviceCode(), TaskScheduler.Default);
    }

    private static Dictionary<string, Case> AdminCases() => new()
    {
        // The admin sign-in
        ["GraphMailAdminNotConnected"] = new("New-GraphMailApplication -DisplayName 'Catalogue app' -ClientSecret"),
        ["AdminSignInNotSupported"] = new("Connect-GraphMailAdmin -TenantId contoso.com -Sandbox $SandboxReadyLine -Interactive", Arrange: AsAdmin),
        ["AdminSignInFailed"] = new($"Connect-GraphMailAdmin -TenantId contoso.com -Sandbox $SandboxReadyLine -AdminClientId {App} -WarningAction SilentlyContinue", Target: $"'{App}'", Arrange: AsAdmin),
        ["AdminUserNotFound"] = new(ConnectAdmin, Arrange: ApprovedAs("nobody@contoso.com")),
        ["AdminSignInDeclined"] = new(ConnectAdmin, Arrange: DeclineTheSignIn),
        ["AdminSignInExpired"] = new(ConnectAdmin,
            Arrange: control => control.UpdateSettings(s => s with { DeviceCodeLifetimeSeconds = 1, DeviceCodeIntervalSeconds = 1 })),

        // New-GraphMailApplication's inputs, checked before the directory is asked
        ["InvalidApplicationName"] = new(ConnectAdmin + "New-GraphMailApplication -DisplayName ' padded ' -ClientSecret", Target: "' padded '", Arrange: AsAdmin),
        ["InvalidRedirectUri"] = new(ConnectAdmin + "New-GraphMailApplication -DisplayName 'Catalogue app' -ClientSecret -RedirectUri 'http://vendor.example/consent'", Target: "'http://vendor.example/consent'", Arrange: AsAdmin),
        ["CertificatePasswordRequired"] = new(ConnectAdmin + "$path = Join-Path $Folder 'app.pfx'\nNew-GraphMailApplication -DisplayName 'Catalogue app' -CertificatePath $path", Target: "$path", Arrange: AsAdmin),
        ["CertificateFileExists"] = new(ConnectAdmin + NewRsaCertificate + """
            $path = Join-Path $Folder 'app.pfx'
            $null = New-GraphMailApplication -DisplayName 'Catalogue certificate app' -CertificatePath $path -CertificatePassword $password
            New-GraphMailApplication -DisplayName 'Catalogue certificate app' -CertificatePath $path -CertificatePassword $password -RotateCredential
            """, Target: "$path", Arrange: AsAdmin),

        // What the directory answered
        ["DirectoryPermissionDenied"] = new(ConnectAdmin + "New-GraphMailApplication -DisplayName 'Catalogue app' -ClientSecret", Arrange: ApprovedAs(SandboxDefaults.Ceo)),
        ["DirectoryRequestFailed"] = new(ConnectAdmin + "New-GraphMailApplication -DisplayName 'Catalogue app' -ClientSecret",
            Arrange: control => { AsAdmin(control); control.AddFault(new FaultSpec { Route = RouteNames.CreateApplication, Kind = FaultKind.Unavailable, Count = 100 }); }),
        ["ApplicationNotFound"] = new(ConnectAdmin + $"Remove-GraphMailApplication -ClientId {UnknownId} -Confirm:$false", Target: $"'{UnknownId}'", Arrange: AsAdmin),
        ["CredentialNotAccepted"] = new(ConnectAdmin + "New-GraphMailApplication -DisplayName 'Catalogue slow app' -ClientSecret -WaitTimeoutSeconds 1",
            Arrange: control => control.UpdateSettings(s => s with { DeviceCodeApprover = SandboxDefaults.Admin, ReplicationDelaySeconds = 3600 })),
    };
}
