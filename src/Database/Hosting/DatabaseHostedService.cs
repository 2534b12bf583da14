using Microsoft.Extensions.Hosting;

namespace CineSync.Database.Hosting;

/// <summary>
/// Makes the database ready while the host is starting (before any hosted service's StartAsync and
/// before the web server listens), and stops the private server after the host has stopped.
/// </summary>
internal sealed class DatabaseHostedService(DatabaseEndpoint endpoint) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => endpoint.GetConnectionStringAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Last: every other service has finished with the database by now.
    public Task StoppedAsync(CancellationToken cancellationToken) => endpoint.StopAsync(cancellationToken);
}
