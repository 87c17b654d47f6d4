using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace GraphMail.Sandbox.Hosting;

/// <summary>
/// Replaces ASP.NET Core's console lifetime: an in-process sandbox must not take over the host process's Ctrl+C and
/// SIGTERM. The standalone Program handles the signals itself and disposes the server.
/// </summary>
internal sealed class ManualHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
