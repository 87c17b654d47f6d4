using System;
using System.Collections.Generic;
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
        var planner = new SendPlanner(Parameters(("To", "ops@contoso.com"), ("Subject", "Logs")));

        Assert.Empty(planner.Accept(FileRecord(0, "/logs/a.log")));
        Assert.Empty(planner.Accept(FileRecord(1, "/logs/b.log")));
        var message = Assert.Single(planner.Complete());

        Assert.Equal(new[] { "/logs/a.log", "/logs/b.log" }, message.Parameters.Attachments);
        Assert.Equal(new[] { "ops@contoso.com" }, message.Parameters.To);
        Assert.Equal("Logs", message.Parameters.Subject);
        Assert.Equal(2, ((object?[])message.Input!).Length);
        Assert.Equal(0, message.InputIndex);
        Assert.Null(message.Rejection);
    }

    [Fact]
    public void ARecordWithMessageValuesIsItsOwnMessageTheCommandLineFillingTheRest()
    {
        var planner = new SendPlanner(Parameters(("From", "hr@contoso.com"), ("BodyAsHtml", true)));

        var first = Assert.Single(planner.Accept(Row(0, "row1", ("To", "ann@fabrikam.com"), ("Subject", "Hello Ann"))));
        var second = Assert.Single(planner.Accept(Row(1, "row2", ("To", "bob@fabrikam.com"), ("Subject", ""))));

        Assert.Equal((1, 0, "Hello Ann", "hr@contoso.com", true), (first.Number, first.InputIndex, first.Parameters.Subject, first.Parameters.From, first.Parameters.BodyAsHtml));
        Assert.Equal((2, 1, (string?)null), (second.Number, second.InputIndex, second.Parameters.Subject));
        Assert.Equal("row2", second.Input);
        Assert.Empty(planner.Complete());
    }

    [Fact]
    public void ARecordWithABlankToIsStillItsOwnMessage()
    {
        var planner = new SendPlanner(Parameters(("Subject", "s")));

        var row = Assert.Single(planner.Accept(Row(0, "row", ("To", ""), ("Body", "hi"))));

        Assert.Null(row.Rejection);
        Assert.Null(row.Parameters.To);
        Assert.Empty(planner.Complete());
    }

    [Fact]
    public void WithoutPipelineInputTheCommandLineIsTheMessage()
    {
        var planner = new SendPlanner(CommandLine);

        var message = Assert.Single(planner.Complete());

        Assert.Null(message.Input);
        Assert.Equal(new[] { "ops@contoso.com" }, message.Parameters.To);
        Assert.Empty(message.Parameters.Attachments!);
    }

    [Theory]
    [InlineData("To", "ann@fabrikam.com")]
    [InlineData("Subject", "Hello")]
    [InlineData("From", "hr@contoso.com")]
    public void AValueGivenByTheCommandLineAndTheInputEndsTheCommand(string parameter, string value)
    {
        var planner = new SendPlanner(CommandLine);

        var conflict = Assert.Single(planner.Accept(Row(0, "row", (parameter, value))));

        Assert.Equal(ErrorIds.PipelineInputConflict, conflict.Rejection!.ErrorId);
        Assert.True(conflict.EndsCommand);
        Assert.Contains($"-{parameter} is given on the command line too", conflict.Rejection.Message);
    }

    [Fact]
    public void PipedFilesAndAttachmentsOnTheCommandLineConflict()
    {
        var planner = new SendPlanner(Parameters(("To", "ops@contoso.com"), ("Attachments", "report.pdf")));

        var conflict = Assert.Single(planner.Accept(FileRecord(0, "/logs/a.log")));

        Assert.Equal(ErrorIds.PipelineInputConflict, conflict.Rejection!.ErrorId);
        Assert.Contains("/logs/a.log", conflict.Rejection.Message);
        Assert.True(conflict.EndsCommand);
    }

    [Fact]
    public void AValuePowerShellCouldNotBindFailsItsRecordByName()
    {
        var planner = new SendPlanner(new MailParameters());
        var record = new PipelineRecord(0, "row", false, Parameters(("To", "a@fabrikam.com")),
            new Dictionary<string, object?> { ["To"] = "a@fabrikam.com", ["BodyAsHtml"] = "maybe" });

        var failed = Assert.Single(planner.Accept(record));

        Assert.Equal(ErrorIds.InvalidSendParameter, failed.Rejection!.ErrorId);
        Assert.Contains("BodyAsHtml 'maybe'", failed.Rejection.Message);
        Assert.False(failed.EndsCommand);
    }

    [Fact]
    public void ARecordCoercedIntoAttachmentsAsItsOwnTextIsDropped()
    {
        var planner = new SendPlanner(new MailParameters());
        var record = new PipelineRecord(0, "row", false, Parameters(("To", "ann@fabrikam.com"), ("Attachments", "@{To=ann@fabrikam.com; Subject=Hi}")),
            new Dictionary<string, object?> { ["To"] = "ann@fabrikam.com" });

        var message = Assert.Single(planner.Accept(record));

        Assert.Null(message.Parameters.Attachments);
    }

    [Fact]
    public void FilesAmongMessageRecordsAreRefusedInInputOrder()
    {
        var planner = new SendPlanner(new MailParameters());

        Assert.Empty(planner.Accept(FileRecord(0, "orphan.log")));
        var plans = planner.Accept(Row(1, "row", ("To", "ann@fabrikam.com")));
        var late = Assert.Single(planner.Accept(FileRecord(2, "late.log")));

        Assert.Equal(new[] { 0, 1 }, plans.Select(p => p.InputIndex));
        Assert.Equal(ErrorIds.InputWithoutMessage, plans[0].Rejection!.ErrorId);
        Assert.Null(plans[1].Rejection);
        Assert.Equal(ErrorIds.InputWithoutMessage, late.Rejection!.ErrorId);
        Assert.Empty(planner.Complete());
    }

    [Fact]
    public void AnObjectWithNothingToSendIsRefusedAndNothingIsSentAtTheEnd()
    {
        var planner = new SendPlanner(CommandLine);

        var refused = Assert.Single(planner.Accept(new PipelineRecord(0, 42, false, new MailParameters(), new Dictionary<string, object?>())));

        Assert.Equal(ErrorIds.InputNotRecognized, refused.Rejection!.ErrorId);
        Assert.Empty(planner.Complete());
    }

    [Fact]
    public void SmtpSettingsAreNotedOncePerCommand()
    {
        var planner = new SendPlanner(Parameters(("SmtpServer", "smtp.contoso.com"), ("Port", 587)));

        planner.Accept(Row(0, null, ("To", "a@fabrikam.com"), ("UseSsl", true)));
        planner.Accept(Row(1, null, ("To", "b@fabrikam.com"), ("Credential", new object())));

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
    [InlineData("UTF7", 65001)]
    [InlineData("BigEndianUTF32", 12001)]
    [InlineData("ANSI", 65001)]
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
