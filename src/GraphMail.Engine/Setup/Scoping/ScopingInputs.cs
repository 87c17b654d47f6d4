using System;
using System.Collections.Generic;
using System.Linq;
using GraphMail.Engine.Connections;
using GraphMail.Engine.Sending.Validation;

namespace GraphMail.Engine.Setup.Scoping;

/// <summary>New-GraphMailMailboxScope's inputs, checked: IDs are GUIDs, mailboxes are bare addresses, names are one line of text.</summary>
internal static class ScopingInputs
{
    private const int MaxNameLength = 256;

    internal static IReadOnlyList<string> Mailboxes(IReadOnlyList<string>? values)
    {
        var mailboxes = MailAddressParser.ParseAll(values, "Mailbox").Select(m => m.Address).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return mailboxes.Count > 0
            ? mailboxes
            : throw new GraphMailException(ErrorIds.InvalidEmailAddress, GraphMailErrorKind.InvalidArgument,
                "No mailbox was given.", "Pass -Mailbox with the address of each mailbox the app may send as.");
    }

    internal static string ObjectId(string? value, string clientId)
    {
        if (!Guid.TryParse(value?.Trim(), out var id))
        {
            throw new GraphMailException(ErrorIds.InvalidServicePrincipalObjectId, GraphMailErrorKind.InvalidArgument,
                value is null or { Length: 0 } ? "RBAC for Applications needs the app's service principal object ID, and none was given." : $"The service principal object ID '{value}' is not a GUID.",
                WhereToFindObjectId(clientId));
        }

        return id.ToString("D") != clientId
            ? id.ToString("D")
            : throw new GraphMailException(ErrorIds.InvalidServicePrincipalObjectId, GraphMailErrorKind.InvalidArgument,
                $"-ServicePrincipalObjectId {id:D} is the Application (client) ID; New-ServicePrincipal needs the enterprise application's own object ID.",
                WhereToFindObjectId(clientId));
    }

    internal static string WhereToFindObjectId(string clientId) =>
        $"Find it in Entra ID > Enterprise applications > the app > Overview > Object ID (not the app registration's object ID), or run (Get-MgServicePrincipal -Filter \"appId eq '{clientId}'\").Id.";

    internal static string Name(string? value, string fallback, string parameter)
    {
        if (value is null)
        {
            return fallback;
        }

        var text = value.Trim();
        var why = text.Length == 0 ? "it is empty"
            : text.Length > MaxNameLength ? $"it is longer than {MaxNameLength} characters"
            : text.Any(char.IsControl) ? "it contains a line break or another control character"
            : null;
        return why is null
            ? text
            : throw new GraphMailException(ErrorIds.InvalidScopingName, GraphMailErrorKind.InvalidArgument, $"-{parameter} cannot be used: {why}.", $"Pass one line of text, or leave -{parameter} out for '{fallback}'.").Targeting(value);
    }

    internal static string ClientId(string? value) => InputChecks.ClientId(value);
}
