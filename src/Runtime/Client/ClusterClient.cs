using System.Net;
using System.Net.Sockets;
using CineSync.Runtime.Core;
using CineSync.Runtime.Invocation;
using CineSync.Runtime.Messaging;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CineSync.Runtime.Client;

/// <summary>
/// Connects to a silo gateway and sends grain calls over it. Calls made while disconnected fail at once
/// with <see cref="SiloUnavailableException"/>; a lost connection fails its outstanding calls and a
/// background loop reconnects (to any configured gateway) until <see cref="Close"/>.
/// </summary>
internal sealed partial class ClusterClient : GrainFactoryBase, IClusterClient
{
    private readonly ClusterClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ClusterClient> _logger;
    private readonly SocketConnectionContextFactory _transportFactory;
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private readonly Lock _reconnectLock = new();
    private readonly ITimer _timeoutTimer;
    private readonly TimeSpan _tickPeriod;
    private readonly int _timeoutTicks;
    private ClientConnection? _connection;
    private int _tick;
    private volatile bool _closed;
    private int _disposed;
    private Task? _reconnectLoop;

    public ClusterClient(IOptions<ClusterClientOptions> options, TimeProvider timeProvider, ILogger<ClusterClient> logger)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _transportFactory = new SocketConnectionContextFactory(new SocketConnectionFactoryOptions(), logger);
        _tickPeriod = TimeSpan.FromTicks(Math.Clamp(_options.ResponseTimeout.Ticks / 4, TimeSpan.TicksPerMillisecond, TimeSpan.TicksPerSecond));
        _timeoutTicks = (int)Math.Ceiling(_options.ResponseTimeout / _tickPeriod);
        _timeoutTimer = timeProvider.CreateTimer(static s => ((ClusterClient)s!).OnTick(), this, _tickPeriod, _tickPeriod);
    }

    public bool IsConnected => _connection is { IsClosed: false };

    /// <summary>The gateway the client is connected to, if any.</summary>
    internal EndPoint? ConnectedGateway => _connection?.RemoteEndPoint;

    public override void Send(Invokable call)
    {
        call.SentTick = Volatile.Read(ref _tick);

        // The response arrives on the connection's read loop: resume the caller elsewhere so slow caller
        // code never holds up other responses.
        call.RunContinuationsAsynchronously = true;
        var connection = _connection;
        if (connection is null || !connection.TrySend(call))
        {
            call.TryFail(new SiloUnavailableException(_closed
                ? "The cluster client is closed."
                : "Not connected to a silo gateway; reconnecting."));
        }
    }

    public Task Connect(CancellationToken cancellationToken = default)
    {
        if (!_options.HasGatewaySource)
        {
            throw new InvalidOperationException("No gateway or membership table is configured for the cluster client.");
        }

        _closed = false;
        return ConnectCoreAsync(cancellationToken);
    }

    public async Task Close()
    {
        _closed = true;
        ClientConnection? connection;
        await _connectGate.WaitAsync().ConfigureAwait(false);
        try
        {
            connection = _connection;
            _connection = null;
        }
        finally
        {
            _connectGate.Release();
        }

        if (connection is not null)
        {
            connection.FailAll(new SiloUnavailableException("The cluster client is closed."));
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        if (_reconnectLoop is not null)
        {
            await _reconnectLoop.ConfigureAwait(false);
        }
    }

    private async Task ConnectCoreAsync(CancellationToken cancellationToken)
    {
        await _connectGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsConnected)
            {
                return;
            }

            Exception? last = null;
            var gateways = await GatewayDiscovery.ListAsync(_options, cancellationToken).ConfigureAwait(false);
            foreach (var gateway in gateways)
            {
                ClientConnection connection;
                try
                {
                    connection = await ConnectAsync(gateway, cancellationToken).ConfigureAwait(false);
                }
                catch (SocketException exception)
                {
                    last = exception;
                    continue;
                }

                if (_closed)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                    throw new SiloUnavailableException("The cluster client is closed.");
                }

                _connection = connection;
                LogConnected(gateway);
                return;
            }

            throw new SiloUnavailableException($"No silo gateway answered ({string.Join(", ", gateways)}).", last!);
        }
        finally
        {
            _connectGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Registered under several service types, so the container may dispose it more than once.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Close().ConfigureAwait(false);
        await _timeoutTimer.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<ClientConnection> ConnectAsync(IPEndPoint gateway, CancellationToken cancellationToken)
    {
        var socket = new Socket(gateway.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(gateway, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new ClientConnection(_transportFactory.Create(socket), OnConnectionClosed);
        connection.Start();
        connection.SendHello(PeerKind.Client, _options.Name);
        return connection;
    }

    private void OnConnectionClosed(ClientConnection connection, Exception? error)
    {
        Interlocked.CompareExchange(ref _connection, null, connection);
        connection.FailAll(new SiloUnavailableException($"The connection to silo gateway {connection.RemoteEndPoint} was lost.", error ?? new IOException("Connection closed.")));
        if (!_closed)
        {
            LogDisconnected(error, connection.RemoteEndPoint);
            StartReconnecting();
        }
    }

    internal void StartReconnecting()
    {
        lock (_reconnectLock)
        {
            if (_reconnectLoop is { IsCompleted: false })
            {
                return;
            }

            _reconnectLoop = ReconnectLoopAsync();
        }
    }

    private async Task ReconnectLoopAsync()
    {
        await Task.Yield();
        while (!_closed && !IsConnected)
        {
            try
            {
                await ConnectCoreAsync(CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // keep trying until closed, whatever the failure
            catch (Exception exception)
#pragma warning restore CA1031
            {
                if (_closed)
                {
                    return;
                }

                LogReconnectFailed(exception);
                await Task.Delay(_options.ReconnectDelay, _timeProvider).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(3, LogLevel.Debug, "Reconnecting to a silo gateway failed")]
    private partial void LogReconnectFailed(Exception exception);

    private void OnTick()
    {
        var tick = Interlocked.Increment(ref _tick);
        _connection?.CheckTimeouts(tick, _timeoutTicks, _options.ResponseTimeout);
    }

    [LoggerMessage(1, LogLevel.Information, "Connected to silo gateway {Gateway}")]
    private partial void LogConnected(IPEndPoint gateway);

    [LoggerMessage(2, LogLevel.Warning, "Lost the connection to silo gateway {Gateway}; reconnecting")]
    private partial void LogDisconnected(Exception? exception, EndPoint? gateway);
}
