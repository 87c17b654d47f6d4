using System.Threading;
using System.Threading.Tasks;

namespace GraphMail.Engine.Connections.Tokens;

/// <summary>Where a connection's tokens come from (MSAL, with its in-memory cache). Failures are GraphMailExceptions.</summary>
internal interface ITokenSource
{
    Task<AccessToken> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken);
}
