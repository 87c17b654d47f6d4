using System.Management.Automation;

namespace GraphMail.Bench.MinimalModule;

/// <summary>The one cmdlet of the import yardstick: binds two parameters and writes them back.</summary>
[Cmdlet(VerbsCommunications.Send, "MinimalMail")]
[OutputType(typeof(string))]
public sealed class SendMinimalMailCommand : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public string To { get; set; } = string.Empty;

    [Parameter(Position = 1)]
    public string Subject { get; set; } = string.Empty;

    protected override void ProcessRecord() => WriteObject(To + ": " + Subject);
}
