using System.Management.Automation;
using GraphMail.Engine.Consent.Responses;

namespace GraphMail.Commands;

/// <summary>
/// ConvertFrom-GraphMailConsentResponse: reads the address the admin's browser landed on after the consent screen
/// into a ConsentResponse — granted or not, why, and whether the state matches the link's.
/// </summary>
[Cmdlet(VerbsData.ConvertFrom, "GraphMailConsentResponse", DefaultParameterSetName = ExpectedStateSet, HelpUri = "https://github.com/graphmail/GraphMail/blob/main/docs/en-US/ConvertFrom-GraphMailConsentResponse.md")]
[OutputType(typeof(ConsentResponse))]
public sealed class ConvertFromGraphMailConsentResponseCommand : GraphMailCmdlet
{
    private const string ExpectedStateSet = "ExpectedState";
    private const string ConsentLinkSet = "ConsentLink";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [Alias("Url", "ResponseUrl")]
    public string Uri { get; set; } = string.Empty;

    [Parameter(ParameterSetName = ExpectedStateSet)]
    public string? ExpectedState { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ConsentLinkSet)]
    public ConsentLink? ConsentLink { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            WriteObject(ConsentResponseReader.Read(Uri, ConsentLink?.State ?? ExpectedState, ConsentLink?.TenantId, ConsentLink?.TenantDomain));
        }
        catch (GraphMailException e)
        {
            WriteEngineError(e, Uri);
        }
    }
}
