using System;
using System.Threading;
using System.Threading.Tasks;
using GraphMail.Engine.Connections;

namespace GraphMail.Engine.Consent.Discovery;

/// <summary>Finds a tenant by domain or ID in one cloud's (or one sandbox's) Entra ID.</summary>
public interface ITenantDirectory
{
    /// <param name="authorityBase">https://login.microsoftonline.com/ or the sandbox's authority.</param>
    /// <param name="tenant">A domain name or a tenant ID.</param>
    /// <param name="where">Names the place for messages, e.g. "Global (login.microsoftonline.com)".</param>
    /// <param name="sandbox">The sandbox whose pinned certificate to trust, or null for Microsoft's clouds.</param>
    Task<TenantDetails> FindAsync(Uri authorityBase, string tenant, string where, SandboxEndpoint? sandbox, CancellationToken cancellationToken);
}
