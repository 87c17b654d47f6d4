using System.Linq;
using GraphMail.Module.Tests.Infrastructure;

namespace GraphMail.Module.Tests.Contracts;

/// <summary>
/// Send-GraphMail binds every Send-MailMessage script (users-and-peers.md's table), from Get-Command. -To is not
/// mandatory: a piped record without To must reach the command and end in its own result (RecipientRequired).
/// </summary>
public sealed class SendContractTests
{
    private static CommandShape Cmdlet => CommandMetadata.Get("Send-GraphMail");

    [Theory]
    [InlineData("To", "System.String[]", 0, false, "")]
    [InlineData("Subject", "System.String", 1, false, "sub")]
    [InlineData("Body", "System.String", 2, false, "")]
    [InlineData("SmtpServer", "System.String", 3, false, "ComputerName")]
    [InlineData("From", "System.String", null, false, "")]
    [InlineData("Cc", "System.String[]", null, false, "")]
    [InlineData("Bcc", "System.String[]", null, false, "")]
    [InlineData("ReplyTo", "System.String[]", null, false, "")]
    [InlineData("Attachments", "System.String[]", null, false, "PsPath")]
    [InlineData("BodyAsHtml", "System.Management.Automation.SwitchParameter", null, false, "BAH")]
    [InlineData("Priority", "System.Net.Mail.MailPriority", null, false, "Importance")]
    [InlineData("Encoding", "System.Text.Encoding", null, false, "BE")]
    [InlineData("DeliveryNotificationOption", "System.Net.Mail.DeliveryNotificationOptions", null, false, "DNO")]
    [InlineData("Credential", "System.Management.Automation.PSCredential", null, false, "")]
    [InlineData("UseSsl", "System.Management.Automation.SwitchParameter", null, false, "")]
    [InlineData("Port", "System.Int32", null, false, "")]
    public void SendMailMessagesParametersBindAsThere(string name, string type, int? position, bool mandatory, string alias)
    {
        var parameter = Assert.Single(Cmdlet.Parameters, p => p.Name == name);

        Assert.Equal(type, parameter.TypeName);
        Assert.Equal(position, parameter.Position);
        Assert.Equal(mandatory, parameter.Mandatory);
        Assert.Equal(alias.Length == 0 ? [] : new[] { alias }, parameter.Aliases);
        Assert.True(parameter.ValueFromPipelineByPropertyName, name + " binds by property name");
        Assert.Equal(name == "Attachments", parameter.ValueFromPipeline);
        Assert.Equal("__AllParameterSets", parameter.ParameterSet);
    }

    [Theory]
    [InlineData("InlineAttachment", "System.Collections.Hashtable", true)]
    [InlineData("Header", "System.Collections.Hashtable", true)]
    [InlineData("SaveToSentItems", "System.Boolean", true)]
    [InlineData("PassThru", "System.Management.Automation.SwitchParameter", false)]
    [InlineData("ResultVariable", "System.String", false)]
    [InlineData("Delivery", "GraphMail.DeliveryMode", false)]
    [InlineData("Journal", "System.String", false)]
    [InlineData("MessageKey", "System.String", true)]
    [InlineData("MaxRecipientsPerMessage", "System.Int32", false)]
    public void ItsOwnParametersAreNamedAndTyped(string name, string type, bool byPropertyName)
    {
        var parameter = Assert.Single(Cmdlet.Parameters, p => p.Name == name);

        Assert.Equal(type, parameter.TypeName);
        Assert.Null(parameter.Position);
        Assert.False(parameter.Mandatory);
        Assert.Equal(byPropertyName, parameter.ValueFromPipelineByPropertyName);
    }

    [Fact]
    public void OneParameterSetWithShouldProcessAndASharedOutputType()
    {
        Assert.True(Cmdlet.SupportsShouldProcess);
        Assert.Equal(["GraphMail.SendResult"], Cmdlet.OutputTypeNames);
        Assert.Equal(26, Cmdlet.ParameterNames.Count());
        Assert.All(Cmdlet.Parameters, p => Assert.Equal("__AllParameterSets", p.ParameterSet));
    }
}
