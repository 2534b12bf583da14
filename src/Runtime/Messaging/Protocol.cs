using CineSync.Runtime.Invocation;
using CineSync.Runtime.Serialization;

namespace CineSync.Runtime.Messaging;

/// <summary>
/// The wire format shared by client↔gateway and (next) silo↔silo connections. Every frame is a 32-bit
/// little-endian length followed by that many bytes: a kind byte, then
/// <list type="bullet">
/// <item>Hello: magic, protocol version, peer kind, peer name.</item>
/// <item>Request: correlation id, interface id, method id, grain key, call-chain id, arguments.</item>
/// <item>ForwardedRequest (silo to silo): as Request, with a hop count byte before the arguments.</item>
/// <item>Response: correlation id, status, then the result (Ok), an exception (type, message, stack) or a rejection message.</item>
/// </list>
/// </summary>
internal static class Protocol
{
    public const int Magic = 0x434E5953; // "SYNC"
    public const byte Version = 1;
    public const int MaxFrameLength = 64 * 1024 * 1024;

    public static void WriteHello(WireWriter writer, PeerKind peer, string name)
    {
        writer.WriteByte((byte)FrameKind.Hello);
        writer.WriteInt32(Magic);
        writer.WriteByte(Version);
        writer.WriteByte((byte)peer);
        writer.WriteString(name);
    }

    public static void WriteRequest(WireWriter writer, Invokable call) => WriteRequest(writer, call, 0);

    /// <summary>Writes a request; a call forwarded between silos (<paramref name="hops"/> &gt; 0) carries its hop count.</summary>
    public static void WriteRequest(WireWriter writer, Invokable call, byte hops)
    {
        writer.WriteByte((byte)(hops == 0 ? FrameKind.Request : FrameKind.ForwardedRequest));
        writer.WriteInt64(call.CorrelationId);
        writer.WriteUInt32(call.Method.Interface.Id);
        writer.WriteUInt16(call.Method.Id);
        writer.WriteGrainKey(call.TargetKey);
        writer.WriteInt64(call.ChainId);
        if (hops != 0)
        {
            writer.WriteByte(hops);
        }

        call.WriteArguments(writer);
    }

    public static void WriteResponse(WireWriter writer, Invokable call)
    {
        writer.WriteByte((byte)FrameKind.Response);
        writer.WriteInt64(call.CorrelationId);
        switch (call.Exception)
        {
            case null:
                writer.WriteByte((byte)ResponseStatus.Ok);
                call.WriteResult(writer);
                break;
            case SiloUnavailableException rejected:
                writer.WriteByte((byte)ResponseStatus.Rejected);
                writer.WriteString(rejected.Message);
                break;
            case var exception:
                writer.WriteByte((byte)ResponseStatus.Exception);
                ExceptionCodec.Write(writer, exception);
                break;
        }
    }
}

internal enum FrameKind : byte
{
    Hello = 0,
    Request = 1,
    Response = 2,

    /// <summary>A request sent by a silo, followed by its hop count (forwarding is bounded).</summary>
    ForwardedRequest = 3,
}

internal enum PeerKind : byte
{
    Client = 0,
    Silo = 1,
}

internal enum ResponseStatus : byte
{
    Ok = 0,
    Exception = 1,
    Rejected = 2,
}
