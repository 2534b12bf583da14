using System.Runtime.InteropServices;

namespace CineSync.Discord.Gateway;

/// <summary>Settings of <see cref="GatewayClient"/>.</summary>
public sealed class GatewayClientOptions
{
    /// <summary>The bot token. Required; never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>Events to receive. Default <see cref="GatewayIntents.Guilds"/> (interactions need no intent).</summary>
    public GatewayIntents Intents { get; set; } = GatewayIntents.Guilds;

    /// <summary>Overrides the URL from GET /gateway/bot (the emulator's ws:// URL, for example).</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>Overrides the shard count from GET /gateway/bot.</summary>
    public int? ShardCount { get; set; }

    /// <summary>The shards this process runs; all of them when null.</summary>
    public IReadOnlyList<int>? ShardIds { get; set; }

    /// <summary>Overrides max_concurrency from GET /gateway/bot.</summary>
    public int? MaxConcurrency { get; set; }

    /// <summary>The identify <c>properties</c>.</summary>
    public string Os { get; set; } = RuntimeInformation.OSDescription.Contains("Linux", StringComparison.OrdinalIgnoreCase) ? "linux" : "windows";

    /// <summary>The library name sent as <c>browser</c> and <c>device</c>.</summary>
    public string LibraryName { get; set; } = "CineSync";

    /// <summary>Lower bound of the random wait after INVALID_SESSION(false) before identifying again. Default 1 s.</summary>
    public TimeSpan InvalidSessionDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of that wait. Default 5 s.</summary>
    public TimeSpan InvalidSessionDelayMax { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait between failed connection attempts (the wait doubles from 1 s). Default 60 s.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Capacity of the event channel per shard before the receive loop would wait; default unbounded.</summary>
    public int? EventBufferCapacity { get; set; }

    /// <summary>The identify window Discord enforces per concurrency bucket (5 s). Tests shorten it.</summary>
    internal TimeSpan IdentifyWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Randomness for heartbeat jitter and invalid-session waits; seeded in tests.</summary>
    internal Random Random { get; set; } = Random.Shared;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            throw new InvalidOperationException("GatewayClientOptions.Token is required.");
        }

        if (ShardCount is <= 0 || MaxConcurrency is <= 0 || InvalidSessionDelayMin > InvalidSessionDelayMax)
        {
            throw new InvalidOperationException("GatewayClientOptions: shard count and concurrency must be positive, and the invalid-session delay range ordered.");
        }
    }
}
