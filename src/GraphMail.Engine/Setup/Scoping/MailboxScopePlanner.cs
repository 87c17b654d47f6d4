using System;
using System.Collections.Generic;
using System.Linq;
using GraphMail.Engine.Consent.ManagedIdentity;

namespace GraphMail.Engine.Setup.Scoping;

/// <summary>
/// Writes the Exchange Online commands that restrict an app to its mailboxes: RBAC for Applications by default
/// (service principal, management scope, role assignment), or the vendor guides' legacy way (mail-enabled security
/// group and an application access policy). Pure: running them is the cmdlet side's job, under ShouldProcess.
/// </summary>
public static class MailboxScopePlanner
{
    private const string EntraGrantDefeatsRbac =
        "RBAC for Applications adds to what Entra ID grants: if this app also has Microsoft Graph Mail.Send consented in Entra ID (tenant-wide), it can still send as every mailbox. " +
        "Remove that grant (Entra ID > Enterprise applications > the app > Permissions > Mail.Send > Revoke, or Remove-MgServicePrincipalAppRoleAssignment) and rely on the RBAC role.";

    public static MailboxScopePlan Create(MailboxScopeRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var clientId = ScopingInputs.ClientId(request.ClientId);
        var mailboxes = ScopingInputs.Mailboxes(request.Mailboxes);
        return request.Legacy ? Legacy(request, clientId, mailboxes) : Rbac(request, clientId, mailboxes);
    }

    /// <summary>"PrimarySmtpAddress -eq 'a' -or PrimarySmtpAddress -eq 'b'", each address escaped for OPATH (quotes doubled).</summary>
    internal static string RecipientFilter(IEnumerable<string> mailboxes) =>
        string.Join(" -or ", mailboxes.Select(m => "PrimarySmtpAddress -eq " + PowerShellQuoting.SingleQuoted(m)));

    private static MailboxScopePlan Rbac(MailboxScopeRequest request, string clientId, IReadOnlyList<string> mailboxes)
    {
        var objectId = ScopingInputs.ObjectId(request.ServicePrincipalObjectId, clientId);
        var displayName = ScopingInputs.Name(request.DisplayName, "GraphMail " + clientId, "DisplayName");
        var scope = ScopingInputs.Name(request.ScopeName, "GraphMail " + clientId, "ScopeName");
        var filter = RecipientFilter(mailboxes);
        var assignment = "GraphMail Mail.Send " + clientId;
        var commands = new[]
        {
            new ExchangeCommand("New-ServicePrincipal", "Registers the app's service principal in Exchange Online.",
                    ExchangeParameter.Text("AppId", clientId), ExchangeParameter.Text("ObjectId", objectId), ExchangeParameter.Text("DisplayName", displayName))
                .Unless(Find("Get-ServicePrincipal", ExchangeParameter.Text("Identity", clientId))),
            new ExchangeCommand("New-ManagementScope", "Defines the mailboxes the app may use.",
                    ExchangeParameter.Text("Name", scope), ExchangeParameter.Text("RecipientRestrictionFilter", filter))
                .Unless(Find("Get-ManagementScope", ExchangeParameter.Text("Identity", scope)),
                    new ExchangeCommand("Set-ManagementScope", "Sets the existing scope to exactly these mailboxes.",
                        ExchangeParameter.Text("Identity", scope), ExchangeParameter.Text("RecipientRestrictionFilter", filter))),
            new ExchangeCommand("New-ManagementRoleAssignment", "Grants the app Mail.Send on those mailboxes only.",
                    ExchangeParameter.Text("Name", assignment), ExchangeParameter.Text("App", clientId), ExchangeParameter.Text("Role", "Application Mail.Send"),
                    ExchangeParameter.Text("CustomResourceScope", scope))
                .Unless(Find("Get-ManagementRoleAssignment", ExchangeParameter.Text("Identity", assignment)).Where("CustomResourceScope", scope)),
        };
        var verification = mailboxes.Select(m => $"Test-ServicePrincipalAuthorization -Identity {PowerShellQuoting.SingleQuoted(clientId)} -Resource {PowerShellQuoting.SingleQuoted(m)}").ToList();
        var notes = new List<string>
        {
            "Restricts app " + clientId + " to " + string.Join(", ", mailboxes) + " with Exchange RBAC for Applications. Run in Exchange Online PowerShell (Connect-ExchangeOnline) as an Exchange administrator.",
            "-ObjectId is the enterprise application's object ID. " + ScopingInputs.WhereToFindObjectId(clientId),
        };
        var warnings = new List<string> { EntraGrantDefeatsRbac };
        if (request.Connection is { } connection && string.Equals(connection.ClientId, clientId, StringComparison.OrdinalIgnoreCase) &&
            connection.Roles.Any(r => r.Equals("Mail.Send", StringComparison.OrdinalIgnoreCase)))
        {
            warnings.Insert(0, "The current GraphMail connection's token for this app carries Mail.Send from Entra ID: until that grant is removed, this scope restricts nothing.");
        }

        return new MailboxScopePlan(commands, verification, notes, warnings);
    }

    private static ExchangeLookup Find(string name, params ExchangeParameter[] parameters) => new(new ExchangeCommand(name, "Finds what an earlier run made.", parameters));

    private static MailboxScopePlan Legacy(MailboxScopeRequest request, string clientId, IReadOnlyList<string> mailboxes)
    {
        var group = ScopingInputs.Name(request.GroupName, "GraphMail senders " + clientId, "GroupName");
        var description = ScopingInputs.Name(request.Description, "GraphMail: app " + clientId + " may send only as the members of " + group, "Description");
        var commands = new List<ExchangeCommand>
        {
            new ExchangeCommand("New-DistributionGroup", "Creates the mail-enabled security group that lists the allowed mailboxes.",
                    ExchangeParameter.Text("Name", group), ExchangeParameter.Keyword("Type", "Security"))
                .Unless(Find("Get-DistributionGroup", ExchangeParameter.Text("Identity", group))),
        };
        commands.AddRange(mailboxes.Select(m => new ExchangeCommand("Add-DistributionGroupMember", "Adds " + m + " to the group.",
                ExchangeParameter.Text("Identity", group), ExchangeParameter.Text("Member", m))
            .Unless(Find("Get-DistributionGroupMember", ExchangeParameter.Text("Identity", group), ExchangeParameter.Keyword("ResultSize", "Unlimited")).Where("PrimarySmtpAddress", m))));
        commands.Add(new ExchangeCommand("New-ApplicationAccessPolicy", "Restricts the app to the group's members.",
                ExchangeParameter.Text("AppId", clientId), ExchangeParameter.Text("PolicyScopeGroupId", group), ExchangeParameter.Keyword("AccessRight", "RestrictAccess"),
                ExchangeParameter.Text("Description", description))
            .Unless(Find("Get-ApplicationAccessPolicy").Where("AppId", clientId).Where("ScopeName", group)));
        var verification = mailboxes.Select(m => $"Test-ApplicationAccessPolicy -Identity {PowerShellQuoting.SingleQuoted(m)} -AppId {PowerShellQuoting.SingleQuoted(clientId)}").ToList();
        var notes = new List<string>
        {
            "Restricts app " + clientId + " to " + string.Join(", ", mailboxes) + " with a legacy application access policy, as older vendor guides do. Run in Exchange Online PowerShell (Connect-ExchangeOnline).",
            "The app keeps its Mail.Send consent in Entra ID: the policy narrows that grant to the group's members.",
        };
        var warnings = new List<string>
        {
            "Microsoft no longer recommends new application access policies: RBAC for Applications replaces them (New-GraphMailMailboxScope without -Legacy).",
        };
        return new MailboxScopePlan(commands, verification, notes, warnings);
    }
}
