using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using GraphMail.Module.Tests.Infrastructure;
using GraphMail.Sandbox.Control;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Routing;

namespace GraphMail.Module.Tests.Behaviour;

/// <summary>
/// Send-GraphMail: what the sandbox's Graph answered. Its seed has the mailboxes and apps for each refusal; faults and
/// settings make the service throttle, fail, drop the connection or refuse a size.
/// </summary>
public sealed partial class ErrorCatalogueTests
{
    private const string UnconsentedAppId = "496c0d13-47bb-44aa-b10b-4ce402cb1d21";

    /// <summary>Connects as another app of the seed.</summary>
    private static string ConnectAs(string clientId, string secret) =>
        $"Connect-GraphMail {Sandbox} -TenantId contoso.com -ClientId {clientId} -ClientSecret (ConvertTo-SecureString '{secret}' -AsPlainText -Force)\n";

    private static readonly string AsLargeAttachments = ConnectAs(SandboxDefaults.LargeAttachmentsAppId, SandboxDefaults.LargeAttachmentsSecret);

    private static Action<SandboxControl> Fault(string route, FaultKind kind) =>
        control => control.AddFault(new FaultSpec { Route = route, Kind = kind, Count = 100, RetryAfterSeconds = kind is FaultKind.Throttle or FaultKind.Unavailable ? 0 : null });

    /// <summary>Pauses left open by a case that failed before reaching them; the runner disposes them.</summary>
    private static readonly List<RoutePause> OpenPauses = [];

    /// <summary>Holds the first request to reach the route, makes the sandbox lose its drafts and upload sessions (a reset), then lets it through.</summary>
    private static Action<SandboxControl> LoseDraftsAt(string route) => control =>
    {
        var pause = control.PauseRoute(route);
        OpenPauses.Add(pause);
        _ = pause.WaitForArrivalsAsync(1).ContinueWith(_ => { control.Reset(); pause.Dispose(); }, TaskScheduler.Default);
    };

    private static Dictionary<string, Case> SendServiceCases() => new()
    {
        ["SenderMailboxNotFound"] = new("Send-GraphMail -From nobody@contoso.com -To ops@contoso.com -Subject x", true, "'nobody@contoso.com'"),
        ["SenderOutOfAppScope"] = new("Send-GraphMail -From ceo@contoso.com -To ops@contoso.com -Subject x", true, "'ceo@contoso.com'"),
        ["SenderMailboxNotEnabled"] = new(ConnectAs(SandboxDefaults.UnscopedAppId, SandboxDefaults.UnscopedSecret) +
            "Send-GraphMail -From contractor@contoso.com -To ops@contoso.com -Subject x", Target: "'contractor@contoso.com'"),
        ["NoPermissionsInToken"] = new(ConnectAs(UnconsentedAppId, "Sbx8Q~Unconsented.Secret-0002") + "Send-GraphMail -From noreply@contoso.com -To ops@contoso.com -Subject x"),
        ["MailReadWritePermissionMissing"] = new(SparseFile("big.bin", "4MB") + "Send-GraphMail -To ops@contoso.com -Subject x -Attachments $path", true),
        ["MessageSizeExceeded"] = new(AsLargeAttachments + SparseFile("eleven.bin", "11MB") + "Send-GraphMail -From reports@contoso.com -To ops@contoso.com -Subject x -Attachments $path"),
        ["AttachmentBelowUploadMinimum"] = new(AsLargeAttachments + SparseFile("four.bin", "4MB") + "Send-GraphMail -From noreply@contoso.com -To ops@contoso.com -Subject x -Attachments $path",
            Arrange: control => control.UpdateSettings(s => s with { MinUploadSessionBytes = 100L * 1024 * 1024 })),
        ["RequestTooLarge"] = new("Send-GraphMail -To ops@contoso.com -Subject x -Body ('x' * 4096)", true,
            Arrange: control => control.UpdateSettings(s => s with { MaxRequestBytes = 2048 })),
        ["SendRejected"] = new("Send-GraphMail -To ops@contoso.com, sales@contoso.com -Subject x", true,
            Arrange: control => control.UpdateSettings(s => s with { MaxRecipientsPerMessage = 1 })),
        ["SendThrottled"] = new("Send-GraphMail -To ops@contoso.com -Subject x", true, Arrange: Fault(RouteNames.SendMail, FaultKind.Throttle)),
        ["SendServiceUnavailable"] = new("Send-GraphMail -To ops@contoso.com -Subject x", true, Arrange: Fault(RouteNames.SendMail, FaultKind.Unavailable)),
        ["SendOutcomeUnknown"] = new("Send-GraphMail -To ops@contoso.com -Subject x", true, Arrange: Fault(RouteNames.SendMail, FaultKind.GatewayTimeoutAfterAccept)),
        ["SendConnectionFailed"] = new(AsLargeAttachments + SparseFile("draft.bin", "4MB") + "Send-GraphMail -From noreply@contoso.com -To ops@contoso.com -Subject x -Attachments $path",
            Arrange: Fault(RouteNames.CreateMessage, FaultKind.ResetBeforeProcessing)),
        ["GraphTokenRejected"] = new("Send-GraphMail -To ops@contoso.com -Subject x", true, Arrange: Fault(RouteNames.SendMail, FaultKind.TokenExpired)),
        ["SendServiceError"] = new(AsLargeAttachments + SparseFile("draft.bin", "4MB") + "Send-GraphMail -From noreply@contoso.com -To ops@contoso.com -Subject x -Attachments $path",
            Arrange: Fault(RouteNames.CreateMessage, FaultKind.GatewayTimeout)),
        ["DraftNotFound"] = new(AsLargeAttachments + SparseFile("draft.bin", "4MB") + "Send-GraphMail -From noreply@contoso.com -To ops@contoso.com -Subject x -Attachments $path",
            Arrange: LoseDraftsAt(RouteNames.CreateUploadSession)),
        ["UploadSessionNotFound"] = new(AsLargeAttachments + SparseFile("draft.bin", "4MB") + "Send-GraphMail -From noreply@contoso.com -To ops@contoso.com -Subject x -Attachments $path",
            Arrange: LoseDraftsAt(RouteNames.UploadChunk)),
    };
}
