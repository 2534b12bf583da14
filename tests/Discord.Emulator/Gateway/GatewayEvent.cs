namespace CineSync.Discord.Emulator.Gateway;

/// <summary>Something that happened on the emulated gateway.</summary>
/// <param name="At">When.</param>
/// <param name="Kind">What.</param>
/// <param name="Detail">Connection number and particulars.</param>
public sealed record GatewayEvent(DateTimeOffset At, GatewayEventKind Kind, string Detail)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Detail}";
}

/// <summary>Kinds of <see cref="GatewayEvent"/>.</summary>
public enum GatewayEventKind
{
    /// <summary>A socket opened.</summary>
    Connected,

    /// <summary>A socket closed or dropped.</summary>
    Disconnected,

    /// <summary>IDENTIFY accepted: a new session (READY sent).</summary>
    Identified,

    /// <summary>RESUME accepted (missed dispatches replayed, RESUMED sent).</summary>
    Resumed,

    /// <summary>IDENTIFY or RESUME refused.</summary>
    Rejected,

    /// <summary>Heartbeat (op 1) received.</summary>
    Heartbeat,

    /// <summary>The gateway closed the socket and the client answered with its own close frame (RFC 6455 §5.5.1).</summary>
    CloseAnswered,

    /// <summary>The gateway closed the socket and the client dropped it without answering the close frame.</summary>
    CloseUnanswered,
}
