using System.Management.Automation;
using GraphMail.Engine.SandboxHosting.Control;
using static GraphMail.SandboxFaultNames;

namespace GraphMail.Commands;

/// <summary>Makes a sandbox fail requests of one route in one way: the next -Count requests, or a -Ratio of them until cleared.</summary>
[Cmdlet(VerbsCommon.Add, "GraphMailSandboxFault", DefaultParameterSetName = CountSet, HelpUri = "https://github.com/graphmail/GraphMail/blob/main/docs/en-US/Add-GraphMailSandboxFault.md")]
public sealed class AddGraphMailSandboxFaultCommand : GraphMailSandboxCmdlet
{
    private const string CountSet = "Count";
    private const string RatioSet = "Ratio";

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateSet(TokenRoute, ManagedIdentityRoute, OpenIdRoute, KeysRoute, SendMailRoute, CreateMessageRoute, GetMessageRoute, ListMessagesRoute,
        DeleteMessageRoute, AddAttachmentRoute, CreateUploadSessionRoute, UploadChunkRoute, CancelUploadRoute, SendRoute, BatchRoute,
        DeviceCodeRoute, DeviceLoginRoute, ListApplicationsRoute, CreateApplicationRoute, GetApplicationRoute, UpdateApplicationRoute,
        DeleteApplicationRoute, AddPasswordRoute, RemovePasswordRoute, ListServicePrincipalsRoute, CreateServicePrincipalRoute,
        GetServicePrincipalRoute, DeleteServicePrincipalRoute, ListAppRoleAssignmentsRoute, GrantAppRoleRoute, RevokeAppRoleRoute)]
    public string Route { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateSet(Latency, Throttle, Unavailable, GatewayTimeoutAfterAccept, GatewayTimeout, ResetBeforeProcessing, ResetAfterAccept, TokenExpired)]
    public string Kind { get; set; } = string.Empty;

    [Parameter(ParameterSetName = CountSet)]
    [ValidateRange(1, int.MaxValue)]
    public int Count { get; set; } = 1;

    [Parameter(Mandatory = true, ParameterSetName = RatioSet)]
    [ValidateRange(0.0, 1.0)]
    public double? Ratio { get; set; }

    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? RetryAfterSeconds { get; set; }

    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    [Alias("LatencyMs")]
    public int LatencyMilliseconds { get; set; }

    internal SandboxFault ToFault() => new(Route, Kind)
    {
        Count = Ratio is null ? Count : null,
        Ratio = Ratio,
        RetryAfterSeconds = RetryAfterSeconds,
        LatencyMilliseconds = LatencyMilliseconds,
    };

    protected override void ProcessRecord() => Control((client, cancellation) => client.AddFaultAsync(ToFault(), cancellation));
}
