using System;

namespace GraphMail.Engine.Connections.Admin;

/// <summary>What Connect-GraphMailAdmin (or a directory cmdlet signing in on its own) was told.</summary>
public sealed class AdminSignInRequest
{
    /// <summary>Microsoft Graph Command Line Tools: the first-party public client Connect-MgGraph signs in through.</summary>
    public const string GraphCommandLineToolsClientId = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

    /// <summary>The tenant's GUID or a verified domain.</summary>
    public string? TenantId { get; set; }

    public GraphMailEnvironment Environment { get; set; } = GraphMailEnvironment.Global;

    public SandboxEndpoint? Sandbox { get; set; }

    /// <summary>A public client of the admin's own; null: Microsoft Graph Command Line Tools.</summary>
    public string? AdminClientId { get; set; }

    /// <summary>A browser on this computer instead of the device code.</summary>
    public bool Interactive { get; set; }

    /// <summary>Shows the device code instructions ("To sign in, use a web browser to open ... and enter the code ...") to the user.</summary>
    public Action<string> ShowDeviceCode { get; set; } = _ => { };

    public override string ToString() =>
        $"Signing in an administrator to tenant {TenantId} through {AdminClientId ?? GraphCommandLineToolsClientId} with {(Interactive ? "a browser" : "a device code")} " +
        $"in {(Sandbox is null ? Environment + " cloud" : "GraphMail.Sandbox at " + Sandbox.AuthorityBaseUri.Authority)}";
}
