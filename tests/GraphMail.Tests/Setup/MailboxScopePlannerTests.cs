using System.Linq;
using GraphMail.Engine.Setup.Scoping;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Setup;

/// <summary>The commands New-GraphMailMailboxScope writes: exact text, and quoting no crafted value escapes.</summary>
public sealed class MailboxScopePlannerTests
{
    private const string AppId = SandboxDefaults.SenderAppId;
    private const string ObjectId = SandboxDefaults.SenderObjectId;

    private static MailboxScopePlan Rbac(params string[] mailboxes) =>
        MailboxScopePlanner.Create(new MailboxScopeRequest { ClientId = AppId, Mailboxes = mailboxes, ServicePrincipalObjectId = ObjectId });

    [Fact]
    public void RbacForApplicationsIsTheDefault()
    {
        var plan = Rbac(SandboxDefaults.Noreply);

        Assert.Equal(
            [
                $"New-ServicePrincipal -AppId '{AppId}' -ObjectId '{ObjectId}' -DisplayName 'GraphMail {AppId}'",
                $"New-ManagementScope -Name 'GraphMail {AppId}' -RecipientRestrictionFilter \"PrimarySmtpAddress -eq 'noreply@contoso.com'\"",
                $"New-ManagementRoleAssignment -Name 'GraphMail Mail.Send {AppId}' -App '{AppId}' -Role 'Application Mail.Send' -CustomResourceScope 'GraphMail {AppId}'",
            ],
            plan.Commands.Select(c => c.ToText()));
        Assert.Equal([$"Test-ServicePrincipalAuthorization -Identity '{AppId}' -Resource 'noreply@contoso.com'"], plan.Verification);
        Assert.Contains(plan.Warnings, w => w.Contains("tenant-wide") && w.Contains("Remove that grant"));
        Assert.Contains(plan.Notes, n => n.Contains("Enterprise applications > the app > Overview > Object ID") && n.Contains($"Get-MgServicePrincipal -Filter \"appId eq '{AppId}'\""));
    }

    [Fact]
    public void RunAgainTheRbacScriptSkipsWhatExistsAndSetsTheScopeToTheNewMailboxes()
    {
        var commands = Rbac(SandboxDefaults.Noreply).ScriptLines().Where(l => !l.StartsWith('#')).Take(3);

        Assert.Equal(
            [
                $"if (-not (Get-ServicePrincipal -Identity '{AppId}' -ErrorAction SilentlyContinue)) {{ New-ServicePrincipal -AppId '{AppId}' -ObjectId '{ObjectId}' -DisplayName 'GraphMail {AppId}' }}",
                $"if (Get-ManagementScope -Identity 'GraphMail {AppId}' -ErrorAction SilentlyContinue) {{ Set-ManagementScope -Identity 'GraphMail {AppId}' -RecipientRestrictionFilter \"PrimarySmtpAddress -eq 'noreply@contoso.com'\" }}"
                    + $" else {{ New-ManagementScope -Name 'GraphMail {AppId}' -RecipientRestrictionFilter \"PrimarySmtpAddress -eq 'noreply@contoso.com'\" }}",
                $"if (-not (Get-ManagementRoleAssignment -Identity 'GraphMail Mail.Send {AppId}' -ErrorAction SilentlyContinue | Where-Object {{ $_.CustomResourceScope -eq 'GraphMail {AppId}' }}))"
                    + $" {{ New-ManagementRoleAssignment -Name 'GraphMail Mail.Send {AppId}' -App '{AppId}' -Role 'Application Mail.Send' -CustomResourceScope 'GraphMail {AppId}' }}",
            ],
            commands);
    }

    [Fact]
    public void RunAgainTheLegacyScriptSkipsTheGroupTheMembersAndThePolicyItFinds()
    {
        var plan = MailboxScopePlanner.Create(new MailboxScopeRequest { ClientId = AppId, Mailboxes = [SandboxDefaults.Noreply], Legacy = true, GroupName = "GraphMail Senders" });

        Assert.Equal(
            [
                "if (-not (Get-DistributionGroup -Identity 'GraphMail Senders' -ErrorAction SilentlyContinue)) { New-DistributionGroup -Name 'GraphMail Senders' -Type Security }",
                "if (-not (Get-DistributionGroupMember -Identity 'GraphMail Senders' -ResultSize Unlimited -ErrorAction SilentlyContinue | Where-Object { $_.PrimarySmtpAddress -eq 'noreply@contoso.com' }))"
                    + " { Add-DistributionGroupMember -Identity 'GraphMail Senders' -Member 'noreply@contoso.com' }",
                $"if (-not (Get-ApplicationAccessPolicy -ErrorAction SilentlyContinue | Where-Object {{ $_.AppId -eq '{AppId}' -and $_.ScopeName -eq 'GraphMail Senders' }}))"
                    + $" {{ {plan.Commands[2].ToText()} }}",
            ],
            plan.ScriptLines().Where(l => !l.StartsWith('#')).Take(3));
    }

    [Fact]
    public void SeveralMailboxesShareOneScope()
    {
        var scope = Rbac(SandboxDefaults.Noreply, SandboxDefaults.Reports, "NOREPLY@contoso.com").Commands[1];

        Assert.Equal("PrimarySmtpAddress -eq 'noreply@contoso.com' -or PrimarySmtpAddress -eq 'reports@contoso.com'", scope.Parameters[1].Value);
    }

    [Fact]
    public void LegacyIsTheVendorGuidesGroupAndPolicy()
    {
        var plan = MailboxScopePlanner.Create(new MailboxScopeRequest { ClientId = AppId, Mailboxes = [SandboxDefaults.Noreply, SandboxDefaults.Reports], Legacy = true, GroupName = "GraphMail Senders" });

        Assert.Equal(
            [
                "New-DistributionGroup -Name 'GraphMail Senders' -Type Security",
                "Add-DistributionGroupMember -Identity 'GraphMail Senders' -Member 'noreply@contoso.com'",
                "Add-DistributionGroupMember -Identity 'GraphMail Senders' -Member 'reports@contoso.com'",
                $"New-ApplicationAccessPolicy -AppId '{AppId}' -PolicyScopeGroupId 'GraphMail Senders' -AccessRight RestrictAccess -Description 'GraphMail: app {AppId} may send only as the members of GraphMail Senders'",
            ],
            plan.Commands.Select(c => c.ToText()));
        Assert.Equal($"Test-ApplicationAccessPolicy -Identity 'reports@contoso.com' -AppId '{AppId}'", plan.Verification[1]);
        Assert.Contains(plan.Warnings, w => w.Contains("RBAC for Applications replaces them"));
    }

    [Theory]
    [InlineData("x'; Remove-Mailbox -Identity ceo -Confirm:$false; '")]
    [InlineData("$(Remove-Mailbox ceo)")]
    [InlineData("a`\"b\u201C$env:TEMP\u2019; c\u201D")]
    [InlineData("\u2018quoted\u2019 and `backtick`")]
    public void CraftedNamesStayValues(string hostile)
    {
        var plan = MailboxScopePlanner.Create(new MailboxScopeRequest
        {
            ClientId = AppId, Mailboxes = [SandboxDefaults.Noreply], ServicePrincipalObjectId = ObjectId, DisplayName = hostile, ScopeName = hostile,
        });

        var lookups = plan.Commands.Select(c => c.Lookup!.Command);
        foreach (var command in plan.Commands.Concat(lookups).Append(plan.Commands[1].WhenFound!))
        {
            var (name, parameters) = PowerShellCommandLine.Parse(command.ToText());
            Assert.Equal(command.Name, name);
            Assert.Equal(command.Parameters.Select(p => (p.Name, p.Value)), parameters.Select(p => (p.Key, p.Value)));
        }

        var (_, matched) = PowerShellCommandLine.Parse("Where-Object -Value " + plan.Commands[2].Lookup!.ToText().Split(" -eq ")[1].TrimEnd(' ', '}', ')'));
        Assert.Equal(hostile, matched.Single().Value);

        Assert.Equal(hostile, plan.Commands[0].Parameters[2].Value);
    }

    [Theory]
    [InlineData("o'neil@contoso.com", "PrimarySmtpAddress -eq 'o''neil@contoso.com'")]
    [InlineData("a$b`c'd@contoso.com", "PrimarySmtpAddress -eq 'a$b`c''d@contoso.com'")]
    public void MailboxesAreEscapedForOpathAndTheFilterForPowerShell(string mailbox, string filter)
    {
        var scope = Rbac(mailbox).Commands[1];

        Assert.Equal(filter, scope.Parameters[1].Value);
        var (_, parameters) = PowerShellCommandLine.Parse(scope.ToText());
        Assert.Equal(filter, parameters[1].Value);
        Assert.All(Rbac(mailbox).Verification.Append(Rbac(mailbox).Commands[2].ToText()), line => PowerShellCommandLine.Parse(line));
    }

    [Fact]
    public void TheAppIdIsNotTheServicePrincipalObjectId()
    {
        var error = Assert.Throws<GraphMailException>(() =>
            MailboxScopePlanner.Create(new MailboxScopeRequest { ClientId = AppId, Mailboxes = [SandboxDefaults.Noreply], ServicePrincipalObjectId = AppId.ToUpperInvariant() }));

        Assert.Equal(ErrorIds.InvalidServicePrincipalObjectId, error.ErrorId);
        Assert.Contains("is the Application (client) ID", error.Cause);
        Assert.Contains("Enterprise applications", error.Fix);
    }

    [Theory]
    [InlineData(null, "none was given")]
    [InlineData("not-a-guid", "is not a GUID")]
    public void RbacNeedsTheObjectId(string? objectId, string words)
    {
        var error = Assert.Throws<GraphMailException>(() =>
            MailboxScopePlanner.Create(new MailboxScopeRequest { ClientId = AppId, Mailboxes = [SandboxDefaults.Noreply], ServicePrincipalObjectId = objectId }));

        Assert.Equal(ErrorIds.InvalidServicePrincipalObjectId, error.ErrorId);
        Assert.Contains(words, error.Cause);
    }

    [Theory]
    [InlineData("two\nlines")]
    [InlineData("   ")]
    public void NamesAreOneLineOfText(string name)
    {
        var error = Assert.Throws<GraphMailException>(() =>
            MailboxScopePlanner.Create(new MailboxScopeRequest { ClientId = AppId, Mailboxes = [SandboxDefaults.Noreply], Legacy = true, GroupName = name }));

        Assert.Equal(ErrorIds.InvalidScopingName, error.ErrorId);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("")]
    public void MailboxesAreAddresses(string mailbox) =>
        Assert.Throws<GraphMailException>(() => Rbac(mailbox));

    [Fact]
    public void TheClientIdIsAGuid() =>
        Assert.Equal(ErrorIds.InvalidClientId, Assert.Throws<GraphMailException>(() =>
            MailboxScopePlanner.Create(new MailboxScopeRequest { ClientId = "contoso-app", Mailboxes = [SandboxDefaults.Noreply], ServicePrincipalObjectId = ObjectId })).ErrorId);

    [Fact]
    public void TheScriptIsCommentsThenCommandsThenChecks()
    {
        var lines = Rbac(SandboxDefaults.Noreply).ScriptLines();

        Assert.StartsWith("# Restricts app", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("# WARNING: RBAC for Applications adds to what Entra ID grants", System.StringComparison.Ordinal));
        Assert.StartsWith("Test-ServicePrincipalAuthorization", lines[^1]);
        Assert.All(lines.Where(l => !l.StartsWith('#') && !l.StartsWith("if ", System.StringComparison.Ordinal)), l => PowerShellCommandLine.Parse(l));
        Assert.Equal(3, lines.Count(l => l.StartsWith("if ", System.StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("New-ManagementScope", "Contoso", "New-ContosoManagementScope")]
    [InlineData("Test-ApplicationAccessPolicy", null, "Test-ApplicationAccessPolicy")]
    [InlineData("Test-ApplicationAccessPolicy", "", "Test-ApplicationAccessPolicy")]
    public void CommandsFollowTheSessionsPrefix(string name, string? prefix, string expected) => Assert.Equal(expected, ExchangeCommand.Prefixed(name, prefix));
}
