using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using GraphMail.Engine.Sending;
using GraphMail.Engine.Sending.Dispatch;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Validation;
using GraphMail.Tests.Infrastructure;
using static GraphMail.Tests.Sending.SendHarness;

namespace GraphMail.Tests.Sending;

/// <summary>Both pipeline habits through the real send path, and what -WhatIf and a stopped pipeline show.</summary>
public sealed class PipelineHabitsEndToEndTests(SandboxFixture sandbox) : SandboxSendTests(sandbox)
{
    [Fact]
    public void PipedFilesBecomeOneMessage()
    {
        var logs = Enumerable.Range(1, 3).Select(i => Files.Create($"run{i}.log", 1000 * i, seed: i)).ToList();
        var records = logs.Select((path, i) => FileRecord(i, path));

        var result = Assert.Single(Harness.Run(Parameters(("To", "ops@fabrikam.com"), ("Subject", "Nightly logs")), records));

        Assert.Equal(SendStatus.Sent, result.Status);
        var message = Assert.Single(Sandbox.Control.GetMessages());
        Assert.Equal("Nightly logs", message.Subject);
        Assert.Equal(new[] { "run1.log", "run2.log", "run3.log" }, message.Attachments.Select(a => a.Name).OrderBy(n => n));
        Assert.Equal(3, ((object?[])result.InputObject!).Length);
        Assert.Equal(0, result.InputIndex);
    }

    [Fact]
    public void CsvRowsBecomeOneMessageEachAndBlankCellsAreNotGiven()
    {
        var rows = new[]
        {
            Row(0, "row 1", ("To", "ann@fabrikam.com"), ("Subject", "Hello Ann"), ("Body", "Hi Ann"), ("Cc", ""), ("BodyAsHtml", "")),
            Row(1, "row 2", ("To", "bob@fabrikam.com"), ("Subject", "Hello Bob"), ("Body", ""), ("Cc", "boss@fabrikam.com"), ("BodyAsHtml", "true")),
            Row(2, "row 3", ("To", "cat@fabrikam.com"), ("Subject", ""), ("Body", ""), ("Cc", " "), ("BodyAsHtml", "0")),
        };

        var results = Harness.Run(Parameters(("From", SandboxDefaults.Reports)), rows);

        Assert.Equal(new[] { SendStatus.Sent, SendStatus.Sent, SendStatus.Sent }, results.Select(r => r.Status));
        var messages = Sandbox.Control.GetMessages().ToDictionary(m => m.ToRecipients.Single().Address);
        Assert.Equal(("Hello Ann", "Hi Ann", "text"), (messages["ann@fabrikam.com"].Subject, messages["ann@fabrikam.com"].BodyContent, messages["ann@fabrikam.com"].BodyContentType));
        Assert.Empty(messages["ann@fabrikam.com"].CcRecipients);
        Assert.Equal("boss@fabrikam.com", Assert.Single(messages["bob@fabrikam.com"].CcRecipients).Address);
        Assert.Equal("html", messages["bob@fabrikam.com"].BodyContentType);
        Assert.Equal(string.Empty, messages["cat@fabrikam.com"].Subject);
        Assert.All(messages.Values, m => Assert.Equal(SandboxDefaults.Reports, m.SenderMailbox));
        Assert.Equal(new object?[] { "row 1", "row 2", "row 3" }, results.Select(r => r.InputObject));
    }

    [Fact]
    public void TheCommandLineFillsBlankCellsAndAConflictStopsTheCommandBeforeItsRecordIsSent()
    {
        var rows = new[]
        {
            Row(0, "row 1", ("To", "ann@fabrikam.com"), ("Cc", "")),
            Row(1, "row 2", ("To", "bob@fabrikam.com"), ("Cc", "other@fabrikam.com")),
        };
        using var run = new SendRun(() => Harness.Sender, Parameters(("Cc", "boss@fabrikam.com"), ("Subject", "s")), SandboxDefaults.Noreply, Path.GetFullPath, default);

        var first = Assert.Single(run.Planner.Accept(rows[0]));
        var second = Assert.Single(run.Planner.Accept(rows[1]));

        Assert.Equal(new[] { "boss@fabrikam.com" }, first.Parameters.Cc);
        Assert.Null(first.Rejection);
        Assert.Equal(ErrorIds.PipelineInputConflict, second.Rejection!.ErrorId);
        Assert.True(second.EndsCommand);
        Assert.Contains("'other@fabrikam.com'", second.Rejection.Message);
        Assert.Contains("-Cc is given on the command line too", second.Rejection.Message);
    }

    [Fact]
    public void WhatIfTextSaysWhoWhatAndHow()
    {
        var big = Files.Create("big.bin", 4 * 1024 * 1024);
        var small = MessageBuilder.Build(Parameters(("To", new[] { "a@fabrikam.com", "b@fabrikam.com" }), ("Cc", "c@fabrikam.com"), ("Subject", "Q3")), "noreply@contoso.com", Path.GetFullPath);
        var large = MessageBuilder.Build(Parameters(("To", "a@fabrikam.com"), ("Attachments", big)), "noreply@contoso.com", Path.GetFullPath);

        Assert.Equal("Send 'Q3' from noreply@contoso.com to 3 recipient(s) (a@fabrikam.com, b@fabrikam.com), no attachments, in one sendMail request", SendRun.Describe(small));
        Assert.EndsWith("1 attachment(s), 4 MB, through a draft and upload sessions (needs Mail.ReadWrite)", SendRun.Describe(large));
        Assert.DoesNotContain(Sandbox.Control.GetRequests(), r => r.Route != "token");
    }

    [Fact]
    public void TheVerboseLineSaysWhatHappenedHowOftenItWentOnTheWireAndWhatToTraceItBy()
    {
        var message = MessageBuilder.Build(Parameters(("To", new[] { "a@fabrikam.com", "b@fabrikam.com", "c@fabrikam.com", "d@fabrikam.com" }), ("Subject", "Q3")), "noreply@contoso.com", Path.GetFullPath);
        var timeout = new GraphMailException(ErrorIds.SendOutcomeUnknown, GraphMailErrorKind.OperationTimeout, "No answer.", "Check the mailbox.");

        var sent = SendRun.Trace(message.Result(SendStatus.Sent, 2, TimeSpan.FromMilliseconds(1234), "req-1", "crid-1", null));
        var unknown = SendRun.Trace(message.Result(SendStatus.Unknown, 1, TimeSpan.FromSeconds(100), null, "crid-2", timeout));

        Assert.Equal(
            $"Sent: 'Q3' from noreply@contoso.com to a@fabrikam.com, b@fabrikam.com, c@fabrikam.com, ... through sendMail, 2 attempt(s) in 1.2 s, Message-ID {message.InternetMessageId}, request-id req-1.",
            sent);
        Assert.StartsWith("Unknown: 'Q3'", unknown);
        Assert.EndsWith($"1 attempt(s) in 100.0 s, Message-ID {message.InternetMessageId}, request-id none ({ErrorIds.SendOutcomeUnknown}).", unknown);
    }

    [Fact]
    public void TheStopReportCountsWhatCouldNotBeReportedAndNamesSentAndUnknownMessages()
    {
        var message = MessageBuilder.Build(Parameters(("To", "a@fabrikam.com")), "noreply@contoso.com", Path.GetFullPath);
        var unreported = new List<SendResult>
        {
            message.Result(SendStatus.Sent, 1, TimeSpan.Zero, null, null, null).WithInput(3, null),
            message.Result(SendStatus.Unknown, 1, TimeSpan.Zero, null, null, null).WithInput(4, null),
            message.Result(SendStatus.NotSent, 0, TimeSpan.Zero, null, null, null).WithInput(5, null),
        };

        var report = SendRun.StopReport("was stopped", unreported, unreported, "sent")!;

        Assert.StartsWith("Send-GraphMail was stopped. 3 result(s) could not be reported: 1 sent, 0 failed, 1 unknown, 1 not sent", report);
        Assert.Contains($"Sent (do not send again): #3 {message.InternetMessageId}.", report);
        Assert.Contains($"Unknown (look for the Message-ID before sending again): #4 {message.InternetMessageId}.", report);
        Assert.EndsWith("All 3 results are in $sent.", report);
        Assert.Null(SendRun.StopReport("was stopped", Array.Empty<SendResult>(), unreported, null));
    }
}
