using System;
using System.Net.Mail;

namespace GraphMail.Engine.Connections;

/// <summary>Syntax checks on what the user typed, each failing with an error that names the bad value.</summary>
internal static class InputChecks
{
    internal static string ClientId(string? value) =>
        Guid.TryParse(value?.Trim(), out var id)
            ? id.ToString("D")
            : throw new GraphMailException(ErrorIds.InvalidClientId, GraphMailErrorKind.InvalidArgument,
                value is null or { Length: 0 } ? "No client ID was given." : $"The client ID '{value}' is not a GUID.",
                "Pass the Application (client) ID from the app registration's Overview page in Entra ID.").Targeting(value);

    internal static string? ManagedIdentityClientId(string? value) =>
        value is null ? null
        : Guid.TryParse(value.Trim(), out var id) ? id.ToString("D")
        : throw new GraphMailException(ErrorIds.InvalidManagedIdentityClientId, GraphMailErrorKind.InvalidArgument,
            $"The managed identity client ID '{value}' is not a GUID.",
            "Pass the Client ID shown on the user-assigned managed identity's Overview page, or omit it for the system-assigned identity.").Targeting(value);

    internal static string? DefaultFrom(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.Trim();
        try
        {
            if (text.Length > 0 && new MailAddress(text).Address == text)
            {
                return text;
            }
        }
        catch (FormatException)
        {
        }

        throw new GraphMailException(ErrorIds.InvalidDefaultFrom, GraphMailErrorKind.InvalidArgument,
            $"The default sender '{value}' is not a mail address.",
            "Pass the sending mailbox's address alone, such as noreply@contoso.com (no display name).").Targeting(value);
    }
}
