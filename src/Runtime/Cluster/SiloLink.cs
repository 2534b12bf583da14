using System.Net;
using System.Net.Sockets;
using CineSync.Runtime.Client;
using CineSync.Runtime.Invocation;
using CineSync.Runtime.Messaging;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace CineSync.Runtime.Cluster;

/// <summary>
/// The outgoing connection to one peer silo, opened on first use with a silo hello. While the peer is
/// unreachable, calls fail at once with <see cref="SiloUnavailableException"/> (for <see cref="RetryAfterFailure"/>)
/// instead of each waiting for a connect timeout, so the failover window fails clearly and fast.
/// </summary>
internal sealed class SiloLink(MembershipEntry peer, string localName, SocketConnectionContextFactory transportFactory, TimeProvider timeProvider) : IAsyncDisposable
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMilliseconds(500);
    private readonly Lock _lock = new();
    private ClientConnection? _connection;
    private Task<ClientConnection?>? _connecting;
    private long _failedAt = long.MinValue;
    private string? _failure;
    private bool _disposed;

    public MembershipEntry Peer => peer;

    public void Send(Invokable call, byte hops)
    {
        // The response arrives on the connection's read loop: resume the caller elsewhere.
        call.RunContinuationsAsynchronously = true;
        if (_connection is { IsClosed: false } connection)
        {
            if (!connection.TrySend(call, hops))
            {
                Fail(call);
            }

            return;
        }

        _ = ConnectAndSendAsync(call, hops);
    }

    public void FailAll(Exception exception) => _connection?.FailAll(exception);

    public void CheckTimeouts(int now, int timeoutTicks, TimeSpan timeout) => _connection?.CheckTimeouts(now, timeoutTicks, timeout);

    /// <summary>Drops the connection at once (a crash, for tests).</summary>
    public void Abort()
    {
        lock (_lock)
        {
            _disposed = true;
        }

        _connection?.Close(new IOException("The silo was killed."));
    }

    public async ValueTask DisposeAsync()
    {
        ClientConnection? connection;
        lock (_lock)
        {
            _disposed = true;
            connection = _connection;
        }

        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ConnectAndSendAsync(Invokable call, byte hops)
    {
        var connection = await ConnectAsync().ConfigureAwait(false);
        if (connection is null || !connection.TrySend(call, hops))
        {
            Fail(call);
        }
    }

    private void Fail(Invokable call) => call.TryFail(new SiloUnavailableException(
        $"Silo {peer.Name} ({peer.Silo}) is unreachable{(_failure is null ? string.Empty : $": {_failure}")}; {call.Method.Interface.Name}/{call.TargetKey} is unavailable until membership declares it dead and the grain moves."));

    private Task<ClientConnection?> ConnectAsync()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return Task.FromResult<ClientConnection?>(null);
            }

            if (_connection is { IsClosed: false } open)
            {
                return Task.FromResult<ClientConnection?>(open);
            }

            if (_connecting is { IsCompleted: false } pending)
            {
                return pending;
            }

            if (timeProvider.GetElapsedTime(_failedAt) < RetryAfterFailure && _failedAt != long.MinValue)
            {
                return Task.FromResult<ClientConnection?>(null);
            }

            return _connecting = ConnectCoreAsync();
        }
    }

    private async Task<ClientConnection?> ConnectCoreAsync()
    {
        await Task.Yield();
        var endpoint = new IPEndPoint(IPAddress.Parse(peer.Silo.Address), peer.Silo.Port);
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), timeProvider);
            await socket.ConnectAsync(endpoint, timeout.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // any connect failure makes the peer unreachable for a moment
        catch (Exception exception)
#pragma warning restore CA1031
        {
            socket.Dispose();
            _failure = exception.Message;
            _failedAt = timeProvider.GetTimestamp();
            return null;
        }

        var connection = new ClientConnection(transportFactory.Create(socket), OnClosed);
        connection.Start();
        connection.SendHello(PeerKind.Silo, localName);
        lock (_lock)
        {
            if (_disposed)
            {
                connection.Close(null);
                return null;
            }

            _failure = null;
            _connection = connection;
        }

        return connection;
    }

    private void OnClosed(ClientConnection connection, Exception? error)
    {
        _failure = error?.Message ?? "connection closed";
        _failedAt = timeProvider.GetTimestamp();
        connection.FailAll(new SiloUnavailableException($"The connection to silo {peer.Name} ({peer.Silo}) was lost; calls in flight to it may or may not have run.", error ?? new IOException("Connection closed.")));
    }
}
