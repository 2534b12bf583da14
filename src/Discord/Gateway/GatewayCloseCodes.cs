namespace CineSync.Discord.Gateway;

/// <summary>What a gateway close code means for the client (Discord's "Gateway Close Event Codes" table).</summary>
public static class GatewayCloseCodes
{
    private static readonly Dictionary<int, (string Description, bool Reconnect, bool ResumeAllowed)> Table = new()
    {
        [4000] = ("Unknown error", true, true),
        [4001] = ("Unknown opcode", true, true),
        [4002] = ("Decode error", true, true),
        [4003] = ("Not authenticated", true, true),
        [4004] = ("Authentication failed", false, false),
        [4005] = ("Already authenticated", true, true),
        [4007] = ("Invalid seq", true, false),
        [4008] = ("Rate limited", true, true),
        [4009] = ("Session timed out", true, false),
        [4010] = ("Invalid shard", false, false),
        [4011] = ("Sharding required", false, false),
        [4012] = ("Invalid API version", false, false),
        [4013] = ("Invalid intent(s)", false, false),
        [4014] = ("Disallowed intent(s)", false, false),
    };

    /// <summary>The codes Discord documents.</summary>
    public static IEnumerable<int> Known => Table.Keys;

    /// <summary>Decides what to do after the server closed the socket with <paramref name="code"/> (null: no close frame).</summary>
    public static GatewayCloseAction Classify(int? code)
    {
        if (code is null)
        {
            return GatewayCloseAction.Resume;
        }

        if (Table.TryGetValue(code.Value, out var entry))
        {
            return !entry.Reconnect ? GatewayCloseAction.Stop
                : entry.ResumeAllowed ? GatewayCloseAction.Resume
                : GatewayCloseAction.Identify;
        }

        // 1000/1001 from the server end the session; other codes (1006, 1011, …) are transport trouble.
        return code is 1000 or 1001 ? GatewayCloseAction.Identify : GatewayCloseAction.Resume;
    }

    /// <summary>Discord's description of a code, or "close code N".</summary>
    public static string Describe(int? code)
        => code is { } c && Table.TryGetValue(c, out var entry) ? $"{c} ({entry.Description})" : code is null ? "no close code" : $"close code {code}";
}

/// <summary>What the client does after a close.</summary>
public enum GatewayCloseAction
{
    /// <summary>Reconnect and resume the session.</summary>
    Resume,

    /// <summary>Reconnect with a new session (identify).</summary>
    Identify,

    /// <summary>Do not reconnect: the configuration is wrong (token, shard, version, intents).</summary>
    Stop,
}
