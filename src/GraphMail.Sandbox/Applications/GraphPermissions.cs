using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace GraphMail.Sandbox.Applications;

/// <summary>
/// Microsoft Graph's service principal as every tenant has it: its app ID and the application permissions (app roles)
/// it defines, with the ids Microsoft publishes (the Graph permissions reference), so clients find Mail.Send by value.
/// </summary>
internal static class GraphPermissions
{
    internal const string AppId = "00000003-0000-0000-c000-000000000000";
    internal const string DisplayName = "Microsoft Graph";

    /// <summary>Delegated scopes the directory routes need.</summary>
    internal const string ApplicationReadWriteAll = "Application.ReadWrite.All";
    internal const string AppRoleAssignmentReadWriteAll = "AppRoleAssignment.ReadWrite.All";
    internal const string ApplicationReadAll = "Application.Read.All";
    internal const string DirectoryReadAll = "Directory.Read.All";

    private static readonly (string Value, string Id)[] Published =
    [
        ("Mail.Send", "b633e1c5-b582-4048-a93e-9f11b44c7e96"),
        ("Mail.ReadWrite", "e2a3a72e-5f79-4c64-b1b1-878b674786c9"),
        ("Mail.Read", "810c84a8-4a9e-49e6-bf7d-12d183f40d01"),
        ("Mail.ReadBasic", "6be147d2-ea4f-4b5a-a3fa-3eab6f3c140a"),
        ("Mail.ReadBasic.All", "693c5e45-0940-467d-9b8a-1022fb9d42ef"),
        ("MailboxSettings.Read", "40f97065-369a-49f4-947c-6a255697ae91"),
        ("MailboxSettings.ReadWrite", "6931bccd-447a-43d1-b442-00a195474933"),
        ("User.Read.All", "df021288-bdef-4463-88db-98f22de89214"),
        (ApplicationReadAll, "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30"),
        (ApplicationReadWriteAll, "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9"),
        (AppRoleAssignmentReadWriteAll, "06b708a9-e830-4db3-a914-8e69da51d44f"),
        (DirectoryReadAll, "7ab1d382-f21e-4acd-a863-ba3e13f7da61"),
    ];

    /// <summary>The published roles, plus any other role a seed grants (with an id derived from its name).</summary>
    internal static IReadOnlyList<AppRoleDefinition> Catalog(IEnumerable<string> alsoGranted) =>
        Published.Select(r => new AppRoleDefinition(Guid.Parse(r.Id), r.Value))
            .Concat(alsoGranted.Where(name => !Published.Any(p => p.Value.Equals(name, StringComparison.OrdinalIgnoreCase)))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(name => new AppRoleDefinition(StableGuid("approle:" + name), name)))
            .ToList();

    /// <summary>The same GUID for the same text on every start (seeded objects that the seed does not name).</summary>
    internal static Guid StableGuid(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return new Guid(hash.AsSpan(0, 16));
    }
}

/// <summary>An application permission a resource service principal defines.</summary>
internal sealed record AppRoleDefinition(Guid Id, string Value);
