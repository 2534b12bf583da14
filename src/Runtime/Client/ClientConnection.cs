using System.Collections.Concurrent;
using CineSync.Runtime.Invocation;
using CineSync.Runtime.Messaging;
using CineSync.Runtime.Serialization;
using Microsoft.AspNetCore.Connections;

namespace CineSync.Runtime.Client;

/// <summary>
/// An outgoing connection: sends requests, matches responses to waiting calls by correlation id.
/// (Silo-to-silo calls will reuse this type with a silo hello.)
/// </summary>
internal sealed class ClientConnection(ConnectionContext transport, Action<ClientConnection, Exception?> onClosed) : Connection(transport)
{
    private static readonly Action<WireWriter, (Invokable Call, byte Hops)> s_writeRequest = static (w, s) => Protocol.WriteRequest(w, s.Call, s.Hops);
    private static readonly Action<WireWriter, (PeerKind Peer, string Name)> s_writeHello = static (w, s) => Protocol.WriteHello(w, s.Peer, s.Name);

    // Keeps the call's own correlation id: a call forwarded from a gateway connection answers under it.
    private readonly ConcurrentDictionary<long, (Invokable Call, long OriginalId)> _pending = new();
    private long _nextId;

    public int PendingCount => _pending.Count;

    public void SendHello(PeerKind peer, string name) => SendFrame((peer, name), s_writeHello);

    /// <summary>Sends a call; false when the connection is closed (the caller fails the call).</summary>
    public bool TrySend(Invokable call) => TrySend(call, 0);

    /// <summary>Sends a call that has been forwarded <paramref name="hops"/> times between silos (0 from a client).</summary>
    public bool TrySend(Invokable call, byte hops)
    {
        var id = Interlocked.Increment(ref _nextId);
        _pending[id] = (call, call.CorrelationId);
        call.CorrelationId = id;
        bool sent;
        try
        {
            sent = SendFrame((call, hops), s_writeRequest);
        }
#pragma warning disable CA1031 // unserialisable arguments fail this call only
        catch (Exception exception)
#pragma warning restore CA1031
        {
            if (TryTake(id, out _))
            {
                call.TryFail(new InvalidOperationException($"The arguments of {call.Method} could not be serialised: {exception.Message}", exception));
            }

            return true;
        }

        if (!sent)
        {
            // Closed: whoever removes the call from _pending completes it.
            return !TryTake(id, out _);
        }

        return true;
    }

    public void FailAll(Exception exception)
    {
        foreach (var id in _pending.Keys)
        {
            if (TryTake(id, out var call))
            {
                call.TryFail(exception);
            }
        }
    }

    public void CheckTimeouts(int now, int timeoutTicks, TimeSpan timeout)
    {
        foreach (var (id, (call, _)) in _pending)
        {
            if (now - call.SentTick >= timeoutTicks && TryTake(id, out _))
            {
                call.TryFail(new TimeoutException($"Response did not arrive on time: {timeout} elapsed for {call.Method.Interface.Name}.{call.Method.Name} on grain {call.Method.Interface.Name}/{call.TargetKey}."));
            }
        }
    }

    protected override void OnFrame(WireReader reader)
    {
        if ((FrameKind)reader.ReadByte() != FrameKind.Response)
        {
            return;
        }

        var id = reader.ReadInt64();
        if (!TryTake(id, out var call))
        {
            return; // timed out already
        }

        try
        {
            switch ((ResponseStatus)reader.ReadByte())
            {
                case ResponseStatus.Ok:
                    call.ReadResult(reader);
                    break;
                case ResponseStatus.Rejected:
                    call.Exception = new SiloUnavailableException(reader.ReadString() ?? "The silo rejected the call.");
                    break;
                default:
                    call.Exception = ExceptionCodec.Read(reader);
                    break;
            }
        }
#pragma warning disable CA1031 // an unreadable response fails that call only
        catch (Exception exception)
#pragma warning restore CA1031
        {
            call.Exception = new InvalidDataException($"The response of {call.Method} could not be read: {exception.Message}", exception);
        }

        call.TryComplete();
    }

    protected override void OnClosed(Exception? error) => onClosed(this, error);

    private bool TryTake(long id, out Invokable call)
    {
        if (_pending.TryRemove(id, out var entry))
        {
            call = entry.Call;
            call.CorrelationId = entry.OriginalId;
            return true;
        }

        call = null!;
        return false;
    }
}
