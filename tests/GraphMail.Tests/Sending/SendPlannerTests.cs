using System;
using System.IO;
using System.Linq;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Pipeline;
using GraphMail.Engine.Sending.Validation;
using static GraphMail.Tests.Sending.SendHarness;

namespace GraphMail.Tests.Sending;

/// <summary>The pipeline rule, fed as the cmdlet feeds it: command-line parameters, then each record's pipeline-bound ones.</summary>
public sealed class SendPlannerTests
{
    private static readonly MailParameters CommandLine = Parameters(("To", "ops@contoso.com"), ("Subject", "Logs"), ("From", "reports@contoso.com"));

    [Fact]
    public void PipedFilesOnlyAddAttachmentsToOneMessageAtTheEnd()
    {
        var planner = new SendPlanner(Parameters(("To", "ops@contoso.com"), ("Subject", "Logs"), ("Attachments", "summary.txt")));

        Assert.Null(planner.Accept(Parameters(("Attachments", "a.log")), "fileA"));
        Assert.Null(planner.Accept(Parameters(("Attachments", "b.log")), "fileB"));
        var message = Assert.Single(planner.Complete());

        Assert.Equal(new[] { "summary.txt", "a.log", "b.log" }, message.Parameters.Attachments);
        Assert.Equal(new[] { "ops@contoso.com" }, message.Parameters.To);
        Assert.Equal("Logs", message.Parameters.Subject);
        Assert.Equal(new object[] { "fileA", "fileB" }, (object?[])message.Input!);
        Assert.Null(message.Rejection);
    }

    [Fact]
    public void ARecordThatSuppliesToIsItsOwnMessage()
    {
        var planner = new SendPlanner(Parameters(("From", "hr@contoso.com"), ("Subject", "Default subject"), ("BodyAsHtml", true)));

        var first = planner.Accept(Parameters(("To", "ann@fabrikam.com"), ("Subject", "Hello Ann")), "row1")!;
        var second = planner.Accept(Parameters(("To", "bob@fabrikam.com")), "row2")!;

        Assert.Equal((1, "Hello Ann", "hr@contoso.com", true), (first.Number, first.Parameters.Subject, first.Parameters.From, first.Parameters.BodyAsHtml));
        Assert.Equal((2, "Default subject"), (second.Number, second.Parameters.Subject));
        Assert.Equal("row2", second.Input);
        Assert.Empty(planner.Complete());
    }

    [Fact]
    public void WithoutPipelineInputTheCommandLineIsTheMessage()
    {
        var planner = new SendPlanner(CommandLine);

        Assert.Null(planner.Accept(new MailParameters(), null));
        var message = Assert.Single(planner.Complete());

        Assert.Null(message.Input);
        Assert.Equal(new[] { "ops@contoso.com" }, message.Parameters.To);
        Assert.Empty(message.Parameters.Attachments!);
    }

    [Fact]
    public void ARecordWithoutToThatCarriesOtherValuesIsNotedOnce()
    {
        var planner = new SendPlanner(CommandLine);

        planner.Accept(Parameters(("Attachments", "a.log"), ("Body", "ignored")), "a");
        planner.Accept(Parameters(("Attachments", "b.log"), ("Body", "ignored")), "b");

        var note = Assert.Single(planner.TakeNotes());
        Assert.Contains("Body", note);
        Assert.Contains("Give To in the input", note);
        Assert.Equal("Logs", Assert.Single(planner.Complete()).Parameters.Subject);
    }

    [Fact]
    public void ARecordCoercedIntoAttachmentsAsItsOwnTextIsDropped()
    {
        var planner = new SendPlanner(new MailParameters());

        var message = planner.Accept(Parameters(("To", "ann@fabrikam.com"), ("Attachments", "@{To=ann@fabrikam.com; Subject=Hi}")), "row")!;

        Assert.Null(message.Parameters.Attachments);
    }

    [Fact]
    public void AttachmentOnlyRecordsAmongMessagesAreReportedNotDropped()
    {
        var planner = new SendPlanner(new MailParameters());

        planner.Accept(Parameters(("Attachments", "orphan.log")), "file");
        planner.Accept(Parameters(("To", "ann@fabrikam.com")), "row");
        var orphan = Assert.Single(planner.Complete());

        Assert.Equal("file", orphan.Input);
        Assert.Equal(ErrorIds.InputWithoutMessage, orphan.Rejection!.ErrorId);
    }

    [Fact]
    public void SmtpSettingsAreNotedOncePerCommand()
    {
        var planner = new SendPlanner(Parameters(("SmtpServer", "smtp.contoso.com"), ("Port", 587)));

        planner.Accept(Parameters(("To", "a@fabrikam.com"), ("UseSsl", true)), null);
        planner.Accept(Parameters(("To", "b@fabrikam.com"), ("Credential", new object())), null);

        Assert.Equal(new[] { CompatibilityNotes.SmtpIgnored }, planner.TakeNotes());
        Assert.Empty(planner.TakeNotes());
    }

    [Theory]
    [InlineData(System.Net.Mail.DeliveryNotificationOptions.OnSuccess, true, false)]
    [InlineData(System.Net.Mail.DeliveryNotificationOptions.OnSuccess | System.Net.Mail.DeliveryNotificationOptions.Delay, true, true)]
    [InlineData(System.Net.Mail.DeliveryNotificationOptions.OnFailure, false, false)]
    [InlineData(System.Net.Mail.DeliveryNotificationOptions.Never, false, true)]
    [InlineData(System.Net.Mail.DeliveryNotificationOptions.None, false, false)]
    public void DeliveryNotificationOptionsMapToAReceiptOrANote(System.Net.Mail.DeliveryNotificationOptions options, bool receipt, bool noted)
    {
        var parameters = Parameters(("To", "a@fabrikam.com"), ("DeliveryNotificationOption", options));

        var message = MessageBuilder.Build(parameters, "noreply@contoso.com", Path.GetFullPath);

        Assert.Equal(receipt, message.DeliveryReceiptRequested);
        Assert.Equal(noted, CompatibilityNotes.For(parameters).Contains(CompatibilityNotes.DeliveryNotificationPartly));
    }

    [Fact]
    public void BoundParametersAreReadByNameWhateverTheirShape()
    {
        var parameters = Parameters(("to", "one@fabrikam.com"), ("CC", new object[] { "a@fabrikam.com", new FileInfo("/tmp/x") }),
            ("PassThru", true), ("WhatIf", true), ("priority", "High"));

        Assert.Equal(new[] { "one@fabrikam.com" }, parameters.To);
        Assert.Equal(new[] { "a@fabrikam.com", new FileInfo("/tmp/x").FullName }, parameters.Cc);
        Assert.Equal(System.Net.Mail.MailPriority.High, parameters.Priority);
        Assert.Equal(new[] { "CC", "priority", "to" }, parameters.Given.OrderBy(g => g, StringComparer.Ordinal));
    }
}

public sealed class EncodingNamesTests
{
    [Theory]
    [InlineData("UTF8", 65001)]
    [InlineData("utf-8", 65001)]
    [InlineData("ASCII", 20127)]
    [InlineData("Unicode", 1200)]
    [InlineData("65001", 65001)]
    public void SendMailMessagesEncodingNamesBind(string name, int codePage) =>
        Assert.Equal(codePage, ((System.Text.Encoding)Engine.Sending.Model.EncodingNames.Resolve(name)).CodePage);

    [Fact]
    public void AnEncodingPassesThroughAndATypoIsRefused()
    {
        Assert.Same(System.Text.Encoding.UTF32, Engine.Sending.Model.EncodingNames.Resolve(System.Text.Encoding.UTF32));
        Assert.Equal(65001, ((System.Text.Encoding)Engine.Sending.Model.EncodingNames.Resolve(65001)).CodePage);
        Assert.Throws<System.ArgumentException>(() => Engine.Sending.Model.EncodingNames.Resolve("utf-eight"));
    }
}
