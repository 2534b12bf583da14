using CineSync.Runtime.Core;
using CineSync.Runtime.Invocation;
using CineSync.Runtime.Serialization;
using Microsoft.AspNetCore.Connections;

namespace CineSync.Runtime.Messaging;

/// <summary>The silo's side of an incoming connection (a client's or another silo's): reads requests, dispatches them, writes responses.</summary>
internal sealed class GatewayConnection(ConnectionContext transport, SiloRuntime runtime, Action<GatewayConnection> onClosed) : Connection(transport), IResponseSink
{
    private static readonly Action<WireWriter, Invokable> s_writeResponse = Protocol.WriteResponse;
    private static readonly Action<WireWriter, long> s_writeUnknown = static (w, id) =>
    {
        w.WriteByte((byte)FrameKind.Response);
        w.WriteInt64(id);
        w.WriteByte((byte)ResponseStatus.Exception);
        ExceptionCodec.Write(w, new NotSupportedException("The silo does not know this grain interface or method."));
    };

    public int InFlight => Volatile.Read(ref _inFlight);

    private int _inFlight;

    public void OnCompleted(Invokable call)
    {
        try
        {
            SendFrame(call, s_writeResponse);
        }
#pragma warning disable CA1031 // an unserialisable result becomes an error response
        catch (Exception exception)
#pragma warning restore CA1031
        {
            call.Exception = new InvalidOperationException($"The result of {call.Method} could not be serialised: {exception.Message}", exception);
            SendFrame(call, s_writeResponse);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            call.ReturnToPool();
        }
    }

    protected override void OnFrame(WireReader reader)
    {
        var kind = (FrameKind)reader.ReadByte();
        if (kind == FrameKind.Hello)
        {
            if (reader.ReadInt32() != Protocol.Magic || reader.ReadByte() != Protocol.Version)
            {
                throw new InvalidDataException("The peer does not speak the CineSync runtime protocol.");
            }

            return;
        }

        if (kind is not (FrameKind.Request or FrameKind.ForwardedRequest))
        {
            throw new InvalidDataException($"Unexpected frame {kind} from a client.");
        }

        var correlationId = reader.ReadInt64();
        var interfaceId = reader.ReadUInt32();
        var methodId = reader.ReadUInt16();
        if (!GrainRegistry.TryGetInterface(interfaceId, out var grainInterface) || methodId >= grainInterface.Methods.Count)
        {
            SendFrame(correlationId, s_writeUnknown);
            return;
        }

        var call = grainInterface.Methods[methodId].Create();
        call.CorrelationId = correlationId;
        call.TargetKey = reader.ReadGrainKey();
        call.ChainId = reader.ReadInt64();
        var hops = kind == FrameKind.ForwardedRequest ? reader.ReadByte() : (byte)0;
        call.ResponseSink = this;
        call.SentTick = runtime.Clock.Tick;
        Interlocked.Increment(ref _inFlight);
        try
        {
            call.ReadArguments(reader);
        }
#pragma warning disable CA1031 // a malformed request fails that call only
        catch (Exception exception)
#pragma warning restore CA1031
        {
            call.TryFail(new InvalidDataException($"The arguments of {call.Method} could not be read: {exception.Message}", exception));
            return;
        }

        // A clustered silo that is leaving still forwards calls to the grains' new owners.
        if (runtime.IsStopping && runtime.Cluster is null)
        {
            call.TryFail(new SiloUnavailableException($"Silo {runtime.SiloName} is shutting down."));
            return;
        }

        // Queued, never inline: a long turn must not hold up this connection's other requests.
        runtime.Catalog.Dispatch(call, allowInline: false, hops);
    }

    protected override void OnClosed(Exception? error)
    {
        runtime.Log.GatewayConnectionClosed(error, RemoteEndPoint);
        onClosed(this);
    }
}
