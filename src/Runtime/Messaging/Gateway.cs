using System.Collections.Concurrent;
using System.Net;
using CineSync.Runtime.Core;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CineSync.Runtime.Messaging;

/// <summary>Accepts client connections on the silo's gateway port (Kestrel's socket transport).</summary>
internal sealed class Gateway(SiloRuntime runtime, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<GatewayConnection, byte> _connections = new();
    private IConnectionListener? _listener;
    private Task? _acceptLoop;

    public EndPoint? EndPoint => _listener?.EndPoint;

    public async Task StartAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        var factory = new SocketTransportFactory(Options.Create(new SocketTransportOptions { NoDelay = true }), loggerFactory);
        _listener = await factory.BindAsync(endpoint, cancellationToken).ConfigureAwait(false);
        runtime.Log.GatewayListening(runtime.SiloName, _listener.EndPoint);
        _acceptLoop = AcceptLoopAsync(_listener);
    }

    /// <summary>Stops accepting connections; existing ones keep working.</summary>
    public async Task StopAcceptingAsync()
    {
        if (_listener is not null)
        {
            await _listener.UnbindAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops listening and drops every connection at once, without replies (a crash, for tests).</summary>
    public async Task AbortAsync()
    {
        await StopAcceptingAsync().ConfigureAwait(false);
        foreach (var connection in _connections.Keys)
        {
            connection.Close(new IOException("The silo was killed."));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAcceptingAsync().ConfigureAwait(false);
        await Task.WhenAll(_connections.Keys.Select(c => c.ShutdownAsync(TimeSpan.FromSeconds(1)))).ConfigureAwait(false);
        foreach (var connection in _connections.Keys)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        if (_listener is not null)
        {
            await _listener.DisposeAsync().ConfigureAwait(false);
        }

        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }
    }

    private async Task AcceptLoopAsync(IConnectionListener listener)
    {
        while (true)
        {
            ConnectionContext? transport;
            try
            {
                transport = await listener.AcceptAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            if (transport is null)
            {
                return;
            }

            var connection = new GatewayConnection(transport, runtime, c => _connections.TryRemove(c, out _));
            _connections[connection] = 0;
            connection.Start();
        }
    }
}
