using System;
using GraphMail.Engine.Sending.Model;
using GraphMail.Engine.Sending.Validation;

namespace GraphMail.Engine.Setup;

/// <summary>The run's inputs, checked before any network call; a bad one stops the command with an error that names it.</summary>
internal sealed class SetupInputs
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private SetupInputs(MailRecipient? mailbox, MailRecipient? outOfScope, MailRecipient? testRecipient)
    {
        Mailbox = mailbox;
        OutOfScope = outOfScope;
        TestRecipient = testRecipient;
    }

    /// <summary>The designated sender: -Mailbox, or the connection's default sender.</summary>
    internal MailRecipient? Mailbox { get; }

    internal MailRecipient? OutOfScope { get; }

    internal MailRecipient? TestRecipient { get; }

    internal static SetupInputs Check(SetupRequest request, DateTimeOffset now)
    {
        if (request.Credentials is null && request.Connection is null)
        {
            throw new GraphMailException(ErrorIds.NotConnected, GraphMailErrorKind.InvalidOperation,
                "Nothing to test: no credential was given and this session is not connected.",
                "Pass the credential parameters Connect-GraphMail takes (e.g. -TenantId, -ClientId, -CertificateThumbprint), or run Connect-GraphMail first.");
        }

        if (request.PolicyChangedAt is { } changed && changed > now + ClockSkew)
        {
            throw new GraphMailException(ErrorIds.InvalidPolicyChangedAt, GraphMailErrorKind.InvalidArgument,
                $"-PolicyChangedAt {changed:u} is in the future.", "Pass when the application access policy or role assignment was last changed, e.g. (Get-Date).AddMinutes(-20).").Targeting(changed);
        }

        var defaultFrom = request.Credentials is { } credentials ? credentials.DefaultFrom : request.Connection!.Info.DefaultFrom;
        var mailbox = Address(string.IsNullOrWhiteSpace(request.Mailbox) ? defaultFrom : request.Mailbox, "Mailbox");
        var outOfScope = Address(request.OutOfScopeMailbox, "OutOfScopeMailbox");
        var inputs = new SetupInputs(mailbox, outOfScope, Address(request.TestRecipient, "TestRecipient"));
        inputs.RequireDistinct(mailbox);
        return inputs;
    }

    private void RequireDistinct(MailRecipient? mailbox)
    {
        if (mailbox is not null && OutOfScope is not null && string.Equals(mailbox.Address, OutOfScope.Address, StringComparison.OrdinalIgnoreCase))
        {
            throw new GraphMailException(ErrorIds.SetupInputConflict, GraphMailErrorKind.InvalidArgument,
                $"-OutOfScopeMailbox {OutOfScope.Address} is the designated sender itself.",
                "Pass a mailbox this app must not be able to send as, such as an administrator's.");
        }
    }

    private static MailRecipient? Address(string? value, string parameter) =>
        string.IsNullOrWhiteSpace(value) ? null : MailAddressParser.Parse(value!, parameter);
}
