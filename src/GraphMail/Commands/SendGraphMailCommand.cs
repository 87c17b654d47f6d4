using System;
using System.Collections;
using System.Management.Automation;
using System.Net.Mail;
using System.Text;
using GraphMail.Engine.Sending.Model;

namespace GraphMail.Commands;

/// <summary>
/// Send-MailMessage's parameters (same names, positions, aliases, pipeline binding), sent through Graph with the
/// connection's app identity. Everything it decides lives in the engine's SendRun (the pipeline rule: SendPlanner);
/// this class binds, asks ShouldProcess and writes one result per message, in input order, whatever ends the command.
/// </summary>
[Cmdlet(VerbsCommunications.Send, "GraphMail", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = "https://github.com/graphmail/GraphMail/blob/main/docs/en-US/Send-GraphMail.md")]
[OutputType(typeof(SendResult))]
public sealed partial class SendGraphMailCommand : GraphMailCmdlet
{
    /// <summary>Not mandatory, unlike Send-MailMessage's: a piped record without To must end in a result of its own (RecipientRequired).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public string[]? To { get; set; }

    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("sub")]
    [AllowEmptyString]
    public string? Subject { get; set; }

    /// <summary>Lines (-Body (Get-Content ./body.txt)) are joined with line breaks, as Out-String would.</summary>
    [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [LinesText]
    public string? Body { get; set; }

    /// <summary>Send-MailMessage's; accepted so old scripts bind, ignored with a warning (Graph has no SMTP server).</summary>
    [Parameter(Position = 3, ValueFromPipelineByPropertyName = true)]
    [Alias("ComputerName")]
    public string? SmtpServer { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? From { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[]? Cc { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[]? Bcc { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[]? ReplyTo { get; set; }

    /// <summary>Wildcards expand to every file they match; a file named exactly as written ('report[1].pdf') is taken as it is.</summary>
    [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PsPath")]
    [SupportsWildcards]
    public string[]? Attachments { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("BAH")]
    [BooleanText]
    public SwitchParameter BodyAsHtml { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Importance")]
    public MailPriority Priority { get; set; } = MailPriority.Normal;

    /// <summary>Accepted and without effect: Graph always carries Unicode.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("BE")]
    [EncodingArgument]
    [ArgumentCompleter(typeof(Completion.EncodingCompleter))]
    public Encoding? Encoding { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("DNO")]
    public DeliveryNotificationOptions DeliveryNotificationOption { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public PSCredential? Credential { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanText]
    public SwitchParameter UseSsl { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int Port { get; set; }

    /// <summary>Content id → image path, for &lt;img src="cid:id"&gt; in an HTML body.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public Hashtable? InlineAttachment { get; set; }

    /// <summary>Custom x- headers (at most 5): name → value.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public Hashtable? Header { get; set; }

    /// <summary>$false keeps no copy in the sender's Sent Items.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanText]
    public bool SaveToSentItems { get; set; } = true;

    /// <summary>
    /// AtMostOnce (default): one sendMail a message, never sent twice, Unknown after an ambiguous answer. ExactlyOnce:
    /// a draft then /send, ambiguity resolved by reading the mailbox (needs Mail.ReadWrite; two requests a message).
    /// </summary>
    [Parameter]
    public DeliveryMode Delivery { get; set; } = DeliveryMode.AtMostOnce;

    /// <summary>An append-only file recording each message; rerun with the same file to finish a run that stopped.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Journal { get; set; }

    /// <summary>What the -Journal knows a message by (a MessageKey column binds to it); without it, a hash of the message.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? MessageKey { get; set; }

    /// <summary>A message with more recipients (To, Cc and Bcc) is refused before sending: Exchange's default 500, up to 1,000.</summary>
    [Parameter]
    [ValidateRange(1, Engine.Sending.SendLimits.MaxRecipientsCeiling)]
    public int MaxRecipientsPerMessage { get; set; } = Engine.Sending.SendLimits.MaxRecipients;

    /// <summary>Writes one SendResult per message, in input order.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>A variable that receives every result (one per message, in input order) however the command ends, even when stopped.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ResultVariable { get; set; }

    /// <summary>The piped object itself: every record reaches the command, and its result carries it.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    protected override void BeginProcessing() => Guard(Begin);

    protected override void ProcessRecord() => Guard(Process);

    protected override void EndProcessing() => Guard(End);

    /// <summary>Lets -Encoding take names (UTF8, ASCII, ...) as Send-MailMessage does; the engine reads them.</summary>
    private sealed class EncodingArgumentAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData) =>
            EncodingNames.Resolve(inputData is PSObject wrapped ? wrapped.BaseObject : inputData);
    }
}
