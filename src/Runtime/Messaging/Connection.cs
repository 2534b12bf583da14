using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using CineSync.Runtime.Serialization;
using Microsoft.AspNetCore.Connections;

namespace CineSync.Runtime.Messaging;

/// <summary>
/// A framed, multiplexed connection over a Kestrel transport. Senders serialise their frame under a lock
/// straight into the output pipe; the first sender flushes and later ones piggyback on its flush, so
/// concurrent calls batch into few socket writes. One loop reads frames and hands each to <see cref="OnFrame"/>.
/// </summary>
internal abstract class Connection : IAsyncDisposable
{
    private readonly ConnectionContext _transport;
    private readonly Lock _writeLock = new();
    private readonly ArrayBufferWriter<byte> _scratch = new(4096);
    private readonly WireWriter _writer = new();
    private readonly WireReader _reader = new();
    private bool _flushing;
    private bool _flushRequested;
    private int _closed;
    private Task? _readLoop;

    protected Connection(ConnectionContext transport) => _transport = transport;

    public System.Net.EndPoint? RemoteEndPoint => _transport.RemoteEndPoint;

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    public void Start() => _readLoop = ReadLoopAsync();

    public async ValueTask DisposeAsync()
    {
        Close(null);
        if (_readLoop is not null)
        {
            await _readLoop.ConfigureAwait(false);
        }

        await _transport.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Handles one complete frame; the reader is valid only during the call.</summary>
    protected abstract void OnFrame(WireReader reader);

    /// <summary>The connection closed (error null when closed normally).</summary>
    protected abstract void OnClosed(Exception? error);

    /// <summary>Writes one frame; returns false when the connection is closed. Throws what <paramref name="write"/> throws (nothing is sent then).</summary>
    protected bool SendFrame<TState>(TState state, Action<WireWriter, TState> write)
    {
        lock (_writeLock)
        {
            if (IsClosed)
            {
                return false;
            }

            _scratch.ResetWrittenCount();
            _writer.Reset(_scratch);
            write(_writer, state);
            var body = _scratch.WrittenSpan;
            var output = _transport.Transport.Output;
            var span = output.GetSpan(body.Length + 4);
            BinaryPrimitives.WriteInt32LittleEndian(span, body.Length);
            body.CopyTo(span[4..]);
            output.Advance(body.Length + 4);
            if (_flushing)
            {
                _flushRequested = true;
                return true;
            }

            _flushing = true;
        }

        Flush();
        return true;
    }

    /// <summary>Stops sending, lets buffered frames reach the peer, then closes.</summary>
    public async Task ShutdownAsync(TimeSpan linger)
    {
        lock (_writeLock)
        {
            if (Interlocked.Exchange(ref _closed, 1) != 0)
            {
                return;
            }
        }

        await _transport.Transport.Output.CompleteAsync().ConfigureAwait(false);
        if (_readLoop is not null)
        {
            await Task.WhenAny(_readLoop, Task.Delay(linger)).ConfigureAwait(false);
        }

        _transport.Abort();
        OnClosed(null);
    }

    /// <summary>Stops the connection: no more sends, the read loop ends, <see cref="OnClosed"/> runs once.</summary>
    public void Close(Exception? error)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _transport.Abort(new ConnectionAbortedException("Connection closed.", error ?? new OperationCanceledException()));
        OnClosed(error);
    }

    private void Flush()
    {
        while (true)
        {
            ValueTask<FlushResult> flush;
            lock (_writeLock)
            {
                _flushRequested = false;
                flush = _transport.Transport.Output.FlushAsync();
            }

            if (!flush.IsCompletedSuccessfully)
            {
                _ = AwaitFlushAsync(flush);
                return;
            }

            flush.GetAwaiter().GetResult();
            lock (_writeLock)
            {
                if (!_flushRequested)
                {
                    _flushing = false;
                    return;
                }
            }
        }
    }

    private async Task AwaitFlushAsync(ValueTask<FlushResult> flush)
    {
        try
        {
            await flush.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // a failed flush closes the connection
        catch (Exception exception)
#pragma warning restore CA1031
        {
            lock (_writeLock)
            {
                _flushing = false;
            }

            Close(exception);
            return;
        }

        Flush();
    }

    private async Task ReadLoopAsync()
    {
        Exception? error = null;
        var input = _transport.Transport.Input;
        try
        {
            while (!IsClosed)
            {
                var result = await input.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                while (TryReadFrame(ref buffer, out var frame))
                {
                    _reader.Reset(frame.IsSingleSegment ? frame.First : frame.ToArray());
                    OnFrame(_reader);
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }
        }
#pragma warning disable CA1031 // any read failure closes the connection and is reported
        catch (Exception exception)
#pragma warning restore CA1031
        {
            error = exception;
        }

        Close(error);
    }

    private static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (buffer.Length < 4)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(header);
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length is < 0 or > Protocol.MaxFrameLength)
        {
            throw new InvalidDataException($"Frame length {length} is out of range.");
        }

        if (buffer.Length < 4 + length)
        {
            return false;
        }

        frame = buffer.Slice(4, length);
        buffer = buffer.Slice(4 + length);
        return true;
    }
}
