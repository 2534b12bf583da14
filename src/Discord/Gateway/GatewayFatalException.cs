namespace CineSync.Discord.Gateway;

/// <summary>Discord closed the gateway with a code that forbids reconnecting (4004, 4010–4014).</summary>
public sealed class GatewayFatalException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GatewayFatalException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public GatewayFatalException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public GatewayFatalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Discord closed shard <paramref name="shardId"/> with <paramref name="closeCode"/>, which reconnecting cannot fix.</summary>
    public GatewayFatalException(int closeCode, int shardId)
        : base(BuildMessage(closeCode, shardId))
    {
        CloseCode = closeCode;
    }

    /// <summary>The close code Discord sent.</summary>
    public int CloseCode { get; }

    private static string BuildMessage(int code, int shardId) => $"Discord closed shard {shardId} with {GatewayCloseCodes.Describe(code)}; not reconnecting. " + code switch
    {
        4004 => "The bot token is wrong or was reset.",
        4010 or 4011 => "Check the shard count (GET /gateway/bot recommends one).",
        4012 => "The client requested an unsupported API version.",
        4013 or 4014 => "Check the intents, and enable privileged ones in the Developer Portal.",
        _ => "",
    };
}
