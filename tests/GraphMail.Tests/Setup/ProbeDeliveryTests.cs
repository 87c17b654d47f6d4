using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Payload;
using GraphMail.Engine.Setup.Probes;
using GraphMail.Sandbox.Routing;
using GraphMail.Tests.Infrastructure;
using static GraphMail.Tests.Setup.SetupRuns;

namespace GraphMail.Tests.Setup;

/// <summary>The probes can never deliver a message; the opt-in verification send delivers exactly one.</summary>
public sealed class ProbeDeliveryTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public ProbeDeliveryTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Theory]
    [InlineData(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret)]
    [InlineData(SandboxDefaults.UnscopedAppId, SandboxDefaults.UnscopedSecret)]
    [InlineData(SandboxDefaults.RbacAppId, SandboxDefaults.RbacSecret)]
    [InlineData(SandboxDefaults.LargeAttachmentsAppId, SandboxDefaults.LargeAttachmentsSecret)]
    [InlineData(SandboxDefaults.FreshPolicyAppId, SandboxDefaults.FreshPolicySecret)]
    public async Task ProbesRecordNothingEvenWhereGraphLetsThemPastScoping(string appId, string secret)
    {
        await RunAsync(Request(_sandbox.Server, appId, secret));

        var probes = SendMailRequests(_sandbox.Server);
        Assert.Equal(2, probes.Length);
        Assert.All(probes, p => Assert.Contains(p.Status, new[] { 400, 403 }));
        Assert.Empty(Messages(_sandbox.Server));
        Assert.Empty(_sandbox.Control.GetDrafts());
    }

    [Fact]
    public async Task TheVerificationSendDeliversExactlyOneMessageFromTheDesignatedMailbox()
    {
        var request = Request(_sandbox.Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);
        request.TestRecipient = "Help Desk <helpdesk@example.com>";

        var report = await RunAsync(request);

        var check = report.Check(SetupCheck.VerificationSend);
        Assert.Equal(SetupCheckStatus.Passed, check.Status);
        var message = Assert.Single(Messages(_sandbox.Server));
        Assert.Equal(SandboxDefaults.Noreply, message.SenderMailbox);
        Assert.Equal("helpdesk@example.com", Assert.Single(message.ToRecipients).Address);
        Assert.Equal("GraphMail setup test", message.Subject);
        Assert.Contains(message.InternetMessageId, check.Detail);
        Assert.Equal(3, SendMailRequests(_sandbox.Server).Length);
    }

    [Fact]
    public async Task ADeclinedVerificationSendSendsNothing()
    {
        var request = Request(_sandbox.Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret);
        request.TestRecipient = "helpdesk@example.com";
        request.VerificationApproved = false;

        var report = await RunAsync(request);

        Assert.Equal(SetupCheckStatus.Skipped, report.StatusOf(SetupCheck.VerificationSend));
        Assert.Contains("declined", report.Check(SetupCheck.VerificationSend).Detail);
        Assert.Empty(Messages(_sandbox.Server));
        Assert.True(report.Summary.Ready);
    }

    [Fact]
    public async Task NoVerificationSendWhileTheDesignatedMailboxIsRefused()
    {
        var request = Request(_sandbox.Server, SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret, SandboxDefaults.Admin);
        request.TestRecipient = "helpdesk@example.com";

        await RunAsync(request);

        Assert.Empty(Messages(_sandbox.Server));
        Assert.Single(SendMailRequests(_sandbox.Server));
    }

    [Fact]
    public async Task TheProbeBodyNamesNoRecipientAtAll()
    {
        using var body = await MessageJson.SendMailAsync(ProbeMessage.From(new MailRecipient(SandboxDefaults.Noreply, null)), TestTimeout.Token);

        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(body.Written.Array!, body.Written.Offset, body.Written.Count));
        var message = json.RootElement.GetProperty("message");
        foreach (var field in new[] { "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "attachments" })
        {
            Assert.False(message.TryGetProperty(field, out _), field + " must not be in a probe");
        }

        Assert.False(json.RootElement.GetProperty("saveToSentItems").GetBoolean());
        Assert.Equal(SandboxDefaults.Noreply, message.GetProperty("from").GetProperty("emailAddress").GetProperty("address").GetString());
    }

    [Fact]
    public async Task GraphChecksPermissionBeforeMailboxBeforeScopingBeforeTheBody()
    {
        // The order the probes rely on (docs/sandbox.md "Graph check order"), seen through probes alone.
        var unconsented = await ProbeAsync(SandboxDefaults.UnconsentedAppId, SandboxDefaults.UnconsentedSecret, "nobody@contoso.com");
        var missingMailbox = await ProbeAsync(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret, "nobody@contoso.com");
        var unlicensedOutOfScope = await ProbeAsync(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret, SandboxDefaults.UnlicensedUser);
        var outOfScope = await ProbeAsync(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret, SandboxDefaults.Ceo);
        var inScope = await ProbeAsync(SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret, SandboxDefaults.Noreply);

        Assert.Equal(
            [ProbeVerdict.NoPermissions, ProbeVerdict.NoSuchMailbox, ProbeVerdict.MailboxNotEnabled, ProbeVerdict.ScopedAway, ProbeVerdict.ReachedBody],
            new[] { unconsented, missingMailbox, unlicensedOutOfScope, outOfScope, inScope });
        Assert.Empty(Messages(_sandbox.Server));
    }

    private async Task<ProbeVerdict> ProbeAsync(string appId, string secret, string mailbox)
    {
        using var connection = await GraphMail.Engine.Connections.Connector.ConnectAsync(Credentials(_sandbox.Server, appId, secret), TestTimeout.Token);
        using var channel = new GraphMail.Engine.Sending.Http.ConnectionChannel(connection);
        var probe = new MailboxProbe(new GraphMail.Engine.Sending.Paths.MessageSender(channel, Options().Retry));
        return (await probe.RunAsync(new MailRecipient(mailbox, null), TestTimeout.Token)).Verdict;
    }
}
