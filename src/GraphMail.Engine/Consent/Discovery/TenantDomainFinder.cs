using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;

namespace GraphMail.Engine.Consent.Discovery;

/// <summary>
/// A domain for a tenant known only by its GUID: the domain of an address that belongs to it (the default sender, the
/// administrator's account, the designated mailbox), confirmed by that domain's own OpenID configuration naming the
/// same tenant ID. Best effort: a lookup that fails, times out or names another tenant is skipped, and null means
/// no domain could be confirmed.
/// </summary>
internal static class TenantDomainFinder
{
    /// <summary>How long the lookups may take together; a slow network costs at most this.</summary>
    internal static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    internal static async Task<string?> FindAsync(
        ITenantDirectory directory, Uri authorityBase, SandboxEndpoint? sandbox, Guid tenantId, IEnumerable<string?> addresses, CancellationToken cancellationToken)
    {
        if (tenantId == Guid.Empty)
        {
            return null;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        var tried = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var address in addresses)
        {
            if (DomainOf(address) is not { } domain || !tried.Add(domain))
            {
                continue;
            }

            try
            {
                var details = await directory.FindAsync(authorityBase, domain, domain, sandbox, budget.Token).ConfigureAwait(false);
                if (Guid.TryParse(details.TenantId, out var found) && found == tenantId)
                {
                    return domain;
                }
            }
            catch (GraphMailException)
            {
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The lowercased domain after the last '@' of an address, or null when there is none.</summary>
    internal static string? DomainOf(string? address)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        return at < 0 ? null : DomainNames.Normalize(address!.Substring(at + 1).Trim().TrimEnd('>'), out _);
    }
}
