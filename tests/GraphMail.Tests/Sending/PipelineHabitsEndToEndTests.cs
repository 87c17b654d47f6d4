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
        var records = logs.Select(path => (Parameters(("Attachments", path)), (object?)new FileInfo(path)));

        var outcome = Assert.Single(Harness.Run(Parameters(("To", "ops@fabrikam.com"), ("Subject", "Nightly logs")), records));

        Assert.Equal(SendStatus.Sent, outcome.Result.Status);
        var message = Assert.Single(Sandbox.Control.GetMessages());
        Assert.Equal("Nightly logs", message.Subject);
        Assert.Equal(new[] { "run1.log", "run2.log", "run3.log" }, message.Attachments.Select(a => a.Name).OrderBy(n => n));
        Assert.Equal(3, ((object?[])outcome.Input!).Length);
    }

    [Fact]
    public void CsvRowsBecomeOneMessageEach()
    {
        var rows = new (MailParameters, object?)[]
        {
            (Parameters(("To", "ann@fabrikam.com"), ("Subject", "Hello Ann"), ("Body", "Hi Ann")), "row 1"),
            (Parameters(("To", "bob@fabrikam.com"), ("Subject", "Hello Bob"), ("Cc", "boss@fabrikam.com")), "row 2"),
            (Parameters(("To", "cat@fabrikam.com")), "row 3"),
        };

        var outcomes = Harness.Run(Parameters(("From", SandboxDefaults.Reports), ("Body", "Default body")), rows);

        Assert.Equal(3, outcomes.Count(o => o.Result.Status == SendStatus.Sent));
        var messages = Sandbox.Control.GetMessages().ToDictionary(m => m.ToRecipients.Single().Address);
        Assert.Equal(("Hello Ann", "Hi Ann"), (messages["ann@fabrikam.com"].Subject, messages["ann@fabrikam.com"].BodyContent));
        Assert.Equal("boss@fabrikam.com", Assert.Single(messages["bob@fabrikam.com"].CcRecipients).Address);
        Assert.Equal("Default body", messages["cat@fabrikam.com"].BodyContent);
        Assert.All(messages.Values, m => Assert.Equal(SandboxDefaults.Reports, m.SenderMailbox));
        Assert.Equal(new object?[] { "row 1", "row 2", "row 3" }, outcomes.OrderBy(o => o.Number).Select(o => o.Input));
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
    public void TheStopReportCountsWhatCouldNotBeWrittenAndNamesUnknownMessages()
    {
        var message = MessageBuilder.Build(Parameters(("To", "a@fabrikam.com")), "noreply@contoso.com", Path.GetFullPath);
        var outcomes = new List<SendOutcome>
        {
            new(1, message.Result(SendStatus.Sent, 1, TimeSpan.Zero, null, null, null), null),
            new(2, message.Result(SendStatus.Unknown, 1, TimeSpan.Zero, null, null, null), null),
            new(3, message.Result(SendStatus.NotSent, 0, TimeSpan.Zero, null, null, null), null),
        };

        var report = SendRun.StopReport(outcomes);

        Assert.Contains("1 sent, 0 failed, 1 unknown, 1 not sent", report);
        Assert.Contains(message.InternetMessageId, report);
    }
}
