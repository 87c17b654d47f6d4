using System;
using System.Management.Automation;
using GraphMail.Engine.Consent;
using GraphMail.Engine.Consent.ManagedIdentity;

namespace GraphMail.Commands;

/// <summary>Get-GraphMailConsentUrl: the admin-consent link and the tenant details a vendor asks for, in one command.</summary>
[Cmdlet(VerbsCommon.Get, "GraphMailConsentUrl", DefaultParameterSetName = ApplicationSet, HelpUri = "https://github.com/graphmail/GraphMail/blob/main/docs/en-US/Get-GraphMailConsentUrl.md")]
[OutputType(typeof(ConsentLink), ParameterSetName = new[] { ApplicationSet })]
[OutputType(typeof(ManagedIdentityConsentScript), ParameterSetName = new[] { ManagedIdentitySet })]
public sealed class GetGraphMailConsentUrlCommand : GraphMailCmdlet
{
    private const string ApplicationSet = "Application";
    private const string ManagedIdentitySet = "ManagedIdentity";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ApplicationSet, ValueFromPipelineByPropertyName = true)]
    [Alias("AppId", "ApplicationId")]
    public string ClientId { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ApplicationSet, ValueFromPipelineByPropertyName = true)]
    [Alias("TenantId", "Domain")]
    public string Tenant { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = ManagedIdentitySet)]
    public string ManagedIdentity { get; set; } = string.Empty;

    [Parameter]
    public GraphMailEnvironment Environment { get; set; } = GraphMailEnvironment.Global;

    [Parameter(ParameterSetName = ApplicationSet)]
    public ConsentUrlForm Form { get; set; } = ConsentUrlForm.V1;

    [Parameter(ParameterSetName = ApplicationSet)]
    public string? RedirectUri { get; set; }

    [Parameter(ParameterSetName = ApplicationSet)]
    public string? State { get; set; }

    [Parameter(ParameterSetName = ApplicationSet)]
    public SwitchParameter SkipTenantLookup { get; set; }

    [Parameter(ParameterSetName = ApplicationSet)]
    public string? Sandbox { get; set; }

    [Parameter(ParameterSetName = ApplicationSet)]
    public SwitchParameter Open { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            if (ManagedIdentity.Length > 0)
            {
                WriteObject(ManagedIdentityConsent.Create(ManagedIdentity, Environment));
                return;
            }

            var result = Await(token => ConsentLinkService.Default.CreateAsync(Request(), token));
            foreach (var warning in result.Warnings)
            {
                WriteWarning(warning);
            }

            WriteObject(result.Link);
        }
        catch (GraphMailException e)
        {
            WriteEngineError(e, e.ErrorId switch
            {
                ErrorIds.InvalidConsentClientId => ClientId,
                ErrorIds.InvalidConsentRedirectUri or ErrorIds.ConsentRedirectUriRequired => RedirectUri,
                ErrorIds.InvalidConsentState => State,
                _ => ManagedIdentity.Length > 0 ? ManagedIdentity : Tenant,
            });
        }
    }

    private ConsentLinkRequest Request() => new()
    {
        ClientId = ClientId,
        Tenant = Tenant,
        Environment = Environment,
        Form = Form,
        RedirectUri = RedirectUri,
        State = State,
        SkipTenantLookup = SkipTenantLookup.IsPresent,
        Sandbox = Sandbox,
        OpenInBrowser = Open.IsPresent,
    };
}
