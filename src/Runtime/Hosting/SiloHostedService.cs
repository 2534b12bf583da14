using System.Net;
using CineSync.Runtime.Core;
using CineSync.Runtime.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CineSync.Runtime.Hosting;

/// <summary>
/// Runs the silo in a host: starts the runtime and gateway; on stop, stops accepting connections and calls,
/// lets in-flight turns finish, deactivates every activation, then closes client connections.
/// </summary>
internal sealed class SiloHostedService(SiloRuntime runtime, ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private Gateway? _gateway;

    public EndPoint? GatewayEndPoint => _gateway?.EndPoint;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        runtime.Start();
        if (runtime.Options.GatewayPort is { } port)
        {
            _gateway = new Gateway(runtime, loggerFactory);
            await _gateway.StartAsync(new IPEndPoint(runtime.Options.GatewayAddress, port), cancellationToken).ConfigureAwait(false);
        }

        runtime.Log.Started(runtime.SiloName, string.Join(", ", runtime.Options.Roles));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_gateway is not null)
        {
            await _gateway.StopAcceptingAsync().ConfigureAwait(false);
        }

        await runtime.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync().ConfigureAwait(false);
            _gateway = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync().ConfigureAwait(false);
        }
    }
}
