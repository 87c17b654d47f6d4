using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace GraphMail;

/// <summary>
/// The end of Test-GraphMailSetup's answer: the values a vendor asks for (tenant domain, tenant ID, client ID,
/// designated mailbox) and the verdict. Ready is what -Quiet returns.
/// </summary>
public sealed class SetupSummary
{
    public SetupSummary(
        string tenantDomain,
        string tenantId,
        string clientId,
        string mailbox,
        string cloud,
        IReadOnlyList<SetupCheckResult> checks)
    {
        TenantDomain = tenantDomain ?? string.Empty;
        TenantId = tenantId ?? string.Empty;
        ClientId = clientId ?? string.Empty;
        Mailbox = mailbox ?? string.Empty;
        Cloud = cloud ?? string.Empty;
        var list = checks ?? Array.Empty<SetupCheckResult>();
        Passed = list.Count(c => c.Status == SetupCheckStatus.Passed);
        Failed = list.Count(c => c.Status == SetupCheckStatus.Failed);
        Warnings = list.Count(c => c.Status == SetupCheckStatus.Warning);
        Skipped = list.Count(c => c.Status == SetupCheckStatus.Skipped);
        RetryAfter = list.Select(c => c.RetryAfter).Where(t => t is not null).Max();
        Ready = Failed == 0 && RetryAfter is null && list.Any(c => c.Check == SetupCheck.SenderAccess && c.Status == SetupCheckStatus.Passed);
        var issue = list.FirstOrDefault(c => c.Status == SetupCheckStatus.Failed) ?? list.FirstOrDefault(c => c.Status == SetupCheckStatus.Warning);
        Issue = issue is null ? string.Empty : issue.Check + " " + (issue.Status == SetupCheckStatus.Failed ? "failed" : "warns") + ": " + issue.Detail;
        Remedy = issue?.Remedy ?? string.Empty;
    }

    /// <summary>
    /// The layer to fix first: the first failed check (else the first warning), its name and what was seen; empty when
    /// every check passed or was skipped. The summary's view shows it whole, whatever the width.
    /// </summary>
    public string Issue { get; }

    /// <summary>That check's remedy: the exact command or portal step; empty when there is no issue or nothing to do.</summary>
    public string Remedy { get; }

    /// <summary>The tenant's domain: as given, or found for a tenant given by ID; empty when nothing tells it.</summary>
    public string TenantDomain { get; }

    /// <summary>The Directory (tenant) ID, a GUID; empty when it could not be found.</summary>
    public string TenantId { get; }

    /// <summary>The Application (client) ID.</summary>
    public string ClientId { get; }

    /// <summary>The designated sender mailbox.</summary>
    public string Mailbox { get; }

    /// <summary>Global, USGov, USGovDoD, China, or GraphMail.Sandbox.</summary>
    public string Cloud { get; }

    public int Passed { get; }

    public int Failed { get; }

    public int Warnings { get; }

    public int Skipped { get; }

    /// <summary>The latest time a change still propagating should have reached Graph; null when nothing is propagating.</summary>
    public DateTimeOffset? RetryAfter { get; }

    /// <summary>
    /// True when no check failed, nothing is still propagating, and Graph let the app use the designated mailbox:
    /// mail can be sent from it now.
    /// </summary>
    public bool Ready { get; }

    public override string ToString()
    {
        var text = new StringBuilder()
            .Append(Ready ? "Ready" : "Not ready")
            .Append(": ").Append(Passed).Append(" passed, ").Append(Failed).Append(" failed, ")
            .Append(Warnings).Append(" warnings, ").Append(Skipped).Append(" skipped. Tenant ")
            .Append(TenantDomain.Length == 0 ? TenantId : TenantDomain + " (" + TenantId + ")")
            .Append(", client ID ").Append(ClientId);
        if (Mailbox.Length > 0)
        {
            text.Append(", mailbox ").Append(Mailbox);
        }

        text.Append('.');
        if (Issue.Length > 0)
        {
            text.Append(' ').Append(Issue);
        }

        if (Remedy.Length > 0)
        {
            text.Append(" Remedy: ").Append(Remedy);
        }

        return text.ToString();
    }
}
