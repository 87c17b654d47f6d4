using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Consent.Discovery;
using GraphMail.Engine.Sending.Http;
using GraphMail.Engine.Sending.Paths;
using GraphMail.Engine.Setup.Checks;
using GraphMail.Engine.Setup.Exchange;
using GraphMail.Engine.Setup.Probes;
using GraphMail.Engine.Setup.Propagation;

namespace GraphMail.Engine.Setup;

/// <summary>
/// Test-GraphMailSetup's engine: checks the real path layer by layer (tenant, credential, permissions, sender mailbox,
/// its scoping, a verification send, the negative scoping check, large attachments) and says which layer is wrong.
/// Mailbox and scoping checks use recipient-less sendMail probes, which Graph refuses before anything is delivered.
/// It never touches the runspace's connection: with credentials it signs in on a connection of its own.
/// </summary>
public sealed class SetupTester
{
    private const string NoMailbox = "No designated mailbox: pass -Mailbox (or connect with -DefaultFrom).";

    private readonly SetupOptions _options;

    public SetupTester(SetupOptions options) => _options = options ?? throw new ArgumentNullException(nameof(options));

    public static SetupTester Default { get; } = new(new SetupOptions());

    public async Task<SetupReport> RunAsync(SetupRequest request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var now = _options.UtcNow();
        var inputs = SetupInputs.Check(request, now);
        var subject = new SetupSubject { Mailbox = inputs.Mailbox?.Address ?? string.Empty };
        var checks = new CheckList(result => request.Status($"{result.Check}: {result.Status}. {result.Detail}"));
        GraphMailConnection? connection = null;
        try
        {
            connection = await SignInAsync(request, checks, subject, cancellationToken).ConfigureAwait(false);
            if (connection is not null)
            {
                await TestAsync(connection, request, inputs, checks, subject, now, cancellationToken).ConfigureAwait(false);
            }

            await FindTenantDomainAsync(request, inputs, subject, connection, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (request.Credentials is not null)
            {
                connection?.Dispose();
            }
        }

        var all = checks.All();
        return new SetupReport(all, subject.Summarize(all));
    }

    /// <summary>The Tenant and Credential checks; the connection to test, or null when a check failed.</summary>
    private async Task<GraphMailConnection?> SignInAsync(SetupRequest request, CheckList checks, SetupSubject subject, CancellationToken cancellationToken)
    {
        if (request.Credentials is not { } credentials)
        {
            var current = request.Connection!;
            request.Status("Testing the current connection: " + current.Info + ".");
            subject.AuthorityBase = current.Plan.AuthorityBaseUri;
            subject.Sandbox = current.Plan.Sandbox;
            subject.Tenant = current.Info.TenantDomain ?? current.Info.TenantId.ToString("D");
            subject.TenantDomain = current.Info.TenantDomain ?? string.Empty;
            TenantCheck.FromConnection(checks, subject, current.Info);
            subject.ClientId = current.Info.ClientId;
            subject.IsManagedIdentity = current.Info.CredentialKind == CredentialKind.ManagedIdentity;
            await RegistrationAsync(request, checks, subject, cancellationToken).ConfigureAwait(false);
            return await CredentialCheck.RenewAsync(checks, subject, current, cancellationToken).ConfigureAwait(false) ? current : null;
        }

        var plan = ConnectionPlan.From(credentials);
        subject.AuthorityBase = plan.AuthorityBaseUri;
        subject.Sandbox = plan.Sandbox;
        subject.Environment = plan.Cloud.Name;
        subject.Cloud = plan.Failures.Cloud;
        subject.Tenant = plan.Tenant?.Value ?? string.Empty;
        subject.TenantDomain = plan.Tenant?.Domain ?? string.Empty;
        subject.ClientId = plan.ClientId ?? string.Empty;
        subject.IsManagedIdentity = plan.Credential is ManagedIdentityCredential;
        await TenantCheck.RunAsync(checks, subject, _options.Directory, plan, cancellationToken).ConfigureAwait(false);
        if (!checks.Blocked)
        {
            await RegistrationAsync(request, checks, subject, cancellationToken).ConfigureAwait(false);
        }

        return checks.Blocked ? null : await CredentialCheck.ConnectAsync(checks, subject, credentials, request.Status, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The summary's tenant domain when the tenant was named by GUID (or by a managed identity's token): a connection or
    /// administrator sign-in of this session to the same tenant knows it, or else the designated or out-of-scope
    /// mailbox's domain, when its OpenID configuration names this tenant.
    /// </summary>
    private async Task FindTenantDomainAsync(SetupRequest request, SetupInputs inputs, SetupSubject subject, GraphMailConnection? tested, CancellationToken cancellationToken)
    {
        if (subject.TenantDomain.Length > 0 || subject.AuthorityBase is null || !Guid.TryParse(subject.TenantId, out var tenantId))
        {
            return;
        }

        var admin = request.Admin?.Info is { } signedIn && signedIn.TenantId == tenantId ? signedIn : null;
        var known = new[] { tested?.Info, request.Connection?.Info }
            .Where(info => info is not null && info.TenantId == tenantId)
            .Select(info => info!.TenantDomain)
            .Append(admin?.TenantDomain)
            .FirstOrDefault(domain => !string.IsNullOrEmpty(domain));
        subject.TenantDomain = known
            ?? await TenantDomainFinder.FindAsync(_options.Directory, subject.AuthorityBase, subject.Sandbox, tenantId,
                new[] { subject.Mailbox, inputs.OutOfScope?.Address, admin?.UserPrincipalName }, cancellationToken).ConfigureAwait(false)
            ?? string.Empty;
    }

    private Task RegistrationAsync(SetupRequest request, CheckList checks, SetupSubject subject, CancellationToken cancellationToken) =>
        RegistrationCheck.RunAsync(checks, subject, request.Admin, request.Exchange ?? ExchangeView.NotConnected("it was not asked"), _options.UtcNow(), cancellationToken);

    private async Task TestAsync(
        GraphMailConnection connection, SetupRequest request, SetupInputs inputs, CheckList checks, SetupSubject subject, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var token = await connection.AcquireTokenAsync(forceRefresh: false, cancellationToken).ConfigureAwait(false);
        subject.ServicePrincipalObjectId = token.ObjectId ?? string.Empty;
        using var channel = new ConnectionChannel(connection);
        var sender = new MessageSender(channel, _options.Retry);
        var probe = new MailboxProbe(sender);

        var designated = inputs.Mailbox is { } mailbox ? await ProbeAsync(probe, mailbox, request, cancellationToken).ConfigureAwait(false) : null;
        checks.Add(PermissionsCheck.Evaluate(token, designated, subject));
        var exchange = (request.Exchange ?? ExchangeView.NotConnected("it was not asked")).For(Guid.TryParse(subject.TenantId, out var tenantId) ? tenantId : null);
        var context = new ScopeContext(exchange, new PropagationWindow(now, request.PolicyChangedAt, _options.TimeZone), PermissionsCheck.Has(token.Roles, PermissionsCheck.MailSend), subject);

        if (designated is null)
        {
            checks.Skip(SetupCheck.SenderMailbox, NoMailbox);
            checks.Skip(SetupCheck.SenderAccess, NoMailbox);
            checks.Skip(SetupCheck.VerificationSend, NoMailbox);
        }
        else
        {
            checks.Add(MailboxChecks.SenderMailbox(designated));
            checks.Add(MailboxChecks.SenderAccess(designated, context));
            await VerifyAsync(sender, request, inputs, checks, subject, cancellationToken).ConfigureAwait(false);
        }

        if (inputs.OutOfScope is not { } outOfScope)
        {
            checks.Skip(SetupCheck.Scoping, "Not tested: pass -OutOfScopeMailbox with a mailbox this app must not reach (it is only probed, never sent from).");
        }
        else if (!checks.Blocked)
        {
            checks.Add(ScopingCheck.Evaluate(await ProbeAsync(probe, outOfScope, request, cancellationToken).ConfigureAwait(false), context, subject.Mailbox));
        }

        checks.Add(LargeAttachmentsCheck.Evaluate(token, exchange, subject.Mailbox));
        checks.Add(DeliveryChecks.ExactlyOnce(token, exchange, subject.Mailbox));
        if (subject.Mailbox.Length > 0)
        {
            checks.Add(DeliveryChecks.SendingLimits(subject.Mailbox));
        }
        else
        {
            checks.Skip(SetupCheck.SendingLimits, NoMailbox);
        }
    }

    private static Task<ProbeResult> ProbeAsync(MailboxProbe probe, Sending.Model.MailRecipient mailbox, SetupRequest request, CancellationToken cancellationToken)
    {
        request.Status($"Probing {mailbox.Address}: a sendMail without recipients, which Graph refuses before anything is delivered.");
        return probe.RunAsync(mailbox, cancellationToken);
    }

    private static async Task VerifyAsync(IMessageSender sender, SetupRequest request, SetupInputs inputs, CheckList checks, SetupSubject subject, CancellationToken cancellationToken)
    {
        if (inputs.TestRecipient is not { } recipient)
        {
            checks.Skip(SetupCheck.VerificationSend, "Opt-in: pass -TestRecipient to send one real message from the designated mailbox.");
        }
        else if (!request.VerificationApproved)
        {
            checks.Skip(SetupCheck.VerificationSend, $"Not sent to {recipient.Address}: declined (-WhatIf, or No at the confirmation prompt).");
        }
        else if (checks[SetupCheck.SenderAccess]?.Status != SetupCheckStatus.Passed)
        {
            checks.Skip(SetupCheck.VerificationSend, $"Not sent to {recipient.Address}: Graph does not let the app use {subject.Mailbox} yet (see SenderAccess).");
        }
        else if (!checks.Blocked)
        {
            checks.Add(await VerificationSendCheck.SendAsync(sender, subject, subject.Mailbox, recipient.ToString(), cancellationToken).ConfigureAwait(false));
        }
    }
}
