using System;
using System.Collections;
using System.Linq;
using GraphMail.Engine.Sending.Paths;
using GraphMail.Sandbox.Faults;
using GraphMail.Sandbox.Routing;
using GraphMail.Tests.Infrastructure;
using static GraphMail.Tests.Sending.SendHarness;

namespace GraphMail.Tests.Sending;

/// <summary>Attachments over ~3 MB: draft + upload sessions + send, and every way that can fail without sending half a message.</summary>
public sealed class DraftUploadEndToEndTests(SandboxFixture sandbox) : SandboxSendTests(sandbox)
{
    private const long MB = 1024 * 1024;


    private int Requests(string route) => Sandbox.Control.GetRequests().Count(r => r.Route == route);

    [Fact]
    public void LargeAndSmallAttachmentsArriveWholeThroughADraft()
    {
        var large = Files.Create("dump.bin", 5 * MB, seed: 3);
        var small = Files.Create("notes.txt", 100_000, seed: 4);
        var logo = Files.Create("logo.png", 3 * MB + 17, seed: 5);

        var result = Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("Subject", "big"), ("Attachments", new[] { large, small }),
            ("Body", "<img src=\"cid:logo\">"), ("BodyAsHtml", true), ("InlineAttachment", new Hashtable { ["logo"] = logo })));

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Equal(SendPath.DraftUpload, result.Path);
        Assert.Equal(1, result.Attempts);
        var message = Assert.Single(Sandbox.Control.GetMessages());
        Assert.Equal("draftSend", message.Path);
        Assert.Equal(result.InternetMessageId, message.InternetMessageId);
        var byName = message.Attachments.ToDictionary(a => a.Name);
        Assert.Equal(TestFiles.Sha256(large), byName["dump.bin"].Sha256);
        Assert.Equal(5 * MB, byName["dump.bin"].Size);
        Assert.Equal("uploadSession", byName["dump.bin"].Source);
        Assert.Equal(TestFiles.Sha256(small), byName["notes.txt"].Sha256);
        Assert.Equal("inline", byName["notes.txt"].Source);
        Assert.True(byName["logo.png"].IsInline);
        Assert.Equal("logo", byName["logo.png"].ContentId);
        Assert.Equal(TestFiles.Sha256(logo), byName["logo.png"].Sha256);
        Assert.Empty(Sandbox.Control.GetDrafts());
        // 5 MB in chunks of at most 4 MB, plus the 3 MB image in one.
        Assert.Equal(3, Requests(RouteNames.UploadChunk));
    }

    [Fact]
    public void SmallFilesThatDoNotFitOnTheDraftAreAddedOneByOne()
    {
        // Each under 3 MB (no upload session), together over what one request carries.
        var files = new[] { 1_400_000, 1_500_000, 1_600_000 }.Select((size, i) => Files.Create($"part{i}.bin", size, seed: 20 + i)).ToArray();

        var result = Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("Subject", "parts"), ("Attachments", files)));

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Equal(SendPath.DraftUpload, result.Path);
        var message = Assert.Single(Sandbox.Control.GetMessages());
        Assert.Equal(files.Select(TestFiles.Sha256).OrderBy(h => h), message.Attachments.Select(a => a.Sha256).OrderBy(h => h));
        Assert.Contains(message.Attachments, a => a.Source == "inline");
        var added = message.Attachments.Count(a => a.Source == "added");
        Assert.True(added > 0, "no attachment was added to the draft on its own");
        Assert.Equal(added, Requests(RouteNames.AddAttachment));
        Assert.Equal(0, Requests(RouteNames.CreateUploadSession));
        Assert.Empty(Sandbox.Control.GetDrafts());
    }

    [Fact]
    public void AFailedAttachmentAddDeletesTheDraftAndSendsNothing()
    {
        var files = new[] { 1_400_000, 1_500_000, 1_600_000 }.Select((size, i) => Files.Create($"part{i}.bin", size, seed: 30 + i)).ToArray();
        Sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.AddAttachment, Kind = FaultKind.Unavailable, Count = 100 });

        var result = Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("Attachments", files)));

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.Empty(Sandbox.Control.GetMessages());
        Assert.Empty(Sandbox.Control.GetDrafts());
        Assert.Equal(1, Requests(RouteNames.DeleteMessage));
        // Each ambiguous add was checked against the draft before it was tried again, never blindly.
        Assert.Equal(ExactlyOncePath.MaxTries, Requests(RouteNames.AddAttachment));
        Assert.Equal(ExactlyOncePath.MaxTries - 1, Requests(RouteNames.GetMessage));
    }

    [Theory]
    [InlineData(FaultKind.GatewayTimeoutAfterAccept)]
    [InlineData(FaultKind.Unavailable)]
    public void AnAmbiguousAttachmentAddIsCheckedOnTheDraftSoItIsAttachedOnce(FaultKind kind)
    {
        var files = new[] { 1_400_000, 1_500_000, 1_600_000 }.Select((size, i) => Files.Create($"part{i}.bin", size, seed: 50 + i)).ToArray();
        Sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.AddAttachment, Kind = kind, Count = 1 });

        var result = Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("Attachments", files)));

        Assert.Equal(SendStatus.Sent, result.Status);
        var message = Assert.Single(Sandbox.Control.GetMessages());
        Assert.Equal(files.Select(TestFiles.Sha256).OrderBy(h => h), message.Attachments.Select(a => a.Sha256).OrderBy(h => h));
        Assert.Equal(1, Requests(RouteNames.GetMessage));
        Assert.Empty(Sandbox.Control.GetDrafts());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SaveToSentItemsAndTheReceiptHoldOnTheDraftPathToo(bool save)
    {
        var file = Files.Create("big.bin", 4 * MB);

        Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("Attachments", file), ("SaveToSentItems", save),
            ("DeliveryNotificationOption", System.Net.Mail.DeliveryNotificationOptions.OnSuccess)));

        var message = Assert.Single(Sandbox.Control.GetMessages());
        Assert.Equal("draftSend", message.Path);
        Assert.Equal(save, message.SaveToSentItems);
        Assert.True(message.IsDeliveryReceiptRequested);
    }

    [Fact]
    public void ALostChunkAnswerResumesWhereTheSessionStands()
    {
        var file = Files.Create("big.bin", 9 * MB, seed: 9);
        Sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.UploadChunk, Kind = FaultKind.ResetAfterAccept, Count = 1 });
        Sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.UploadChunk, Kind = FaultKind.Throttle, Count = 1, RetryAfterSeconds = 2 });

        var result = Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("Attachments", file)));

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Equal(TestFiles.Sha256(file), Assert.Single(Assert.Single(Sandbox.Control.GetMessages()).Attachments).Sha256);
        Assert.Contains(TimeSpan.FromSeconds(2), Harness.Waits);
        var chunks = Sandbox.Control.GetRequests().Where(r => r.Route == RouteNames.UploadChunk).ToList();
        Assert.Contains(chunks, r => r.Fault == "resetAfterAccept");
        Assert.Contains(chunks, r => r.Status == 416);
        Assert.Empty(Sandbox.Control.GetDrafts());
    }

    [Theory]
    [InlineData(FaultKind.ResetAfterAccept)]
    [InlineData(FaultKind.GatewayTimeoutAfterAccept)]
    public void ALostAnswerToTheLastChunkIsResolvedFromTheDraft(FaultKind kind)
    {
        // The first chunk goes through; the last one completes the attachment and its answer is lost, so the session
        // is gone when the chunk is sent again (404): the draft, read back, says whether the attachment is on it.
        var file = Files.Create("big.bin", 5 * MB, seed: 11);
        Sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.UploadChunk, Kind = FaultKind.Latency, Count = 1 });
        Sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.UploadChunk, Kind = kind, Count = 1 });

        var result = Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("Attachments", file)));

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Null(result.Error);
        Assert.Equal(TestFiles.Sha256(file), Assert.Single(Assert.Single(Sandbox.Control.GetMessages()).Attachments).Sha256);
        var chunks = Sandbox.Control.GetRequests().Where(r => r.Route == RouteNames.UploadChunk).ToList();
        Assert.Equal(3, chunks.Count);
        Assert.Contains(chunks, r => r.Fault == (kind == FaultKind.ResetAfterAccept ? "resetAfterAccept" : "gatewayTimeoutAfterAccept"));
        Assert.Contains(chunks, r => r.Status == 404);
        Assert.Equal(1, Requests(RouteNames.GetMessage));
        Assert.Empty(Sandbox.Control.GetDrafts());
    }

    [Fact]
    public void AnAmbiguousSendLeavesTheDraftNamedInTheResult()
    {
        var file = Files.Create("big.bin", 4 * MB);
        Sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.Send, Kind = FaultKind.Unavailable, Count = 1 });

        var result = Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("Attachments", file)));

        var draft = Assert.Single(Sandbox.Control.GetDrafts());
        Assert.Equal(SendStatus.Unknown, result.Status);
        Assert.Equal(ErrorIds.SendOutcomeUnknown, result.Error!.ErrorId);
        Assert.Equal((draft.Id, "Drafts"), (result.DraftId, result.DraftFolder));
        Assert.Contains($"The draft (id {draft.Id}) was left in the Drafts folder of noreply@contoso.com: if it is still there, the message was not sent", result.Error.Message);
        Assert.Equal(0, Requests(RouteNames.DeleteMessage));
    }

    [Theory]
    [InlineData(FaultKind.GatewayTimeoutAfterAccept)]
    [InlineData(FaultKind.ResetAfterAccept)]
    public void AnAmbiguousDraftCreationIsResolvedByMessageIdSoTheDraftIsSentOnceAndNoneIsLeft(FaultKind kind)
    {
        // The draft was created, its answer lost: the Drafts folder, searched by the Message-ID, gives it back.
        var file = Files.Create("big.bin", 4 * MB);
        Sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.CreateMessage, Kind = kind, Count = 1 });

        var result = Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("Attachments", file)));

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Null(result.Error);
        Assert.Equal(result.InternetMessageId, Assert.Single(Sandbox.Control.GetMessages()).InternetMessageId);
        Assert.Empty(Sandbox.Control.GetDrafts());
        Assert.Equal(1, Requests(RouteNames.CreateMessage));
        Assert.Equal(1, Requests(RouteNames.ListMessages));
    }

    [Fact]
    public void AnAmbiguousCreationThatDraftsCannotResolveFailsNamingTheMessageId()
    {
        var file = Files.Create("big.bin", 4 * MB);
        Sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.CreateMessage, Kind = FaultKind.GatewayTimeoutAfterAccept, Count = 1 });
        Sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.ListMessages, Kind = FaultKind.TokenExpired, Count = 2 });

        var result = Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("Attachments", file)));

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.Equal(504, result.Error!.HttpStatus);
        Assert.Contains("while creating the draft; the message was not sent", result.Error.Message);
        Assert.Contains($"a draft with the Message-ID {result.InternetMessageId} may be left there, unsent; delete it if it is.", result.Error.Message);
        Assert.DoesNotContain("not known", result.Error.Message);
        Assert.Empty(Sandbox.Control.GetMessages());
    }

    [Fact]
    public void A503OnAnUploadChunkIsReportedAs503()
    {
        var file = Files.Create("big.bin", 4 * MB);
        Sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.UploadChunk, Kind = FaultKind.Unavailable, Count = 100 });

        var result = Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("Attachments", file)));

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.Equal(ErrorIds.SendServiceUnavailable, result.Error!.ErrorId);
        Assert.Equal(503, result.Error.HttpStatus);
        Assert.StartsWith("Graph kept answering 503 Service Unavailable", result.Error.Message);
        // The message carries random request ids, so "429" may appear inside one; only a status of its own counts.
        Assert.DoesNotMatch(@"\b429\b|[Tt]hrottl|Too Many Requests", result.Error.Message);
    }

    [Fact]
    public void AnUploadThatKeepsFailingDeletesTheDraftAndSendsNothing()
    {
        var file = Files.Create("big.bin", 5 * MB);
        Sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.UploadChunk, Kind = FaultKind.Unavailable, Count = 100 });

        var result = Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("Attachments", file)));

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.Equal(0, result.Attempts);
        Assert.Contains("The draft was deleted; nothing was sent.", result.Error!.Message);
        Assert.Empty(Sandbox.Control.GetMessages());
        Assert.Empty(Sandbox.Control.GetDrafts());
        Assert.Equal(0, Requests(RouteNames.Send));
        Assert.Equal(1, Requests(RouteNames.DeleteMessage));
    }

    [Fact]
    public void AFailedCleanupIsReportedWithTheFailure()
    {
        var file = Files.Create("big.bin", 4 * MB);
        Sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.UploadChunk, Kind = FaultKind.Unavailable, Count = 100 });
        Sandbox.Control.AddFault(new FaultSpec { Route = RouteNames.DeleteMessage, Kind = FaultKind.Unavailable, Count = 100 });

        var result = Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("Subject", "orphan"), ("Attachments", file)));

        var draft = Assert.Single(Sandbox.Control.GetDrafts());
        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.Equal(ErrorIds.SendServiceUnavailable, result.Error!.ErrorId);
        Assert.Contains("deleting the draft failed too", result.Error.Message);
        Assert.Contains($"(id {draft.Id}) from the Drafts folder of noreply@contoso.com", result.Error.Message);
        Assert.Equal((draft.Id, "Drafts"), (result.DraftId, result.DraftFolder));
        Assert.Empty(Sandbox.Control.GetMessages());
    }

    [Fact]
    public void AMessageOverTheMailboxLimitIsRefusedAndCleanedUp()
    {
        var file = Files.Create("too-big.bin", 11 * MB);
        var result = Harness.SendOne(Parameters(("To", "a@fabrikam.com"), ("From", SandboxDefaults.Reports), ("Attachments", file)));

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.Equal(ErrorIds.MessageSizeExceeded, result.Error!.ErrorId);
        Assert.Equal("ErrorMessageSizeExceeded", result.Error.ServiceCode);
        Assert.Contains("Set-Mailbox 'reports@contoso.com' -MaxSendSize", result.Error.Message);
        Assert.Empty(Sandbox.Control.GetMessages());
        Assert.Empty(Sandbox.Control.GetDrafts());
    }

    [Fact]
    public async System.Threading.Tasks.Task WithoutMailReadWriteTheErrorSaysWhatToGrant()
    {
        using var sendOnly = await ConnectAsync(Sandbox, appId: SandboxDefaults.SenderAppId, secret: SandboxDefaults.SenderSecret);
        var file = Files.Create("big.bin", 4 * MB);

        var result = sendOnly.SendOne(Parameters(("To", "a@fabrikam.com"), ("Attachments", file)));

        Assert.Equal(SendStatus.Failed, result.Status);
        Assert.Equal(ErrorIds.MailReadWritePermissionMissing, result.Error!.ErrorId);
        Assert.Equal(GraphMailErrorKind.PermissionDenied, result.Error.Kind);
        Assert.Equal(403, result.Error.HttpStatus);
        Assert.Contains("Mail.ReadWrite", result.Error.Fix);
        Assert.Contains("under about 3 MB", result.Error.Fix);
        Assert.Empty(Sandbox.Control.GetMessages());
        Assert.Equal(0, Requests(RouteNames.UploadChunk));
    }
}
