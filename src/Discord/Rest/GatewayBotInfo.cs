namespace CineSync.Discord.Rest;

/// <summary>GET /gateway/bot: where to connect, how many shards Discord recommends, how fast shards may identify.</summary>
/// <param name="Url">The gateway URL (wss:// in production, ws:// for the emulator).</param>
/// <param name="Shards">The recommended shard count.</param>
/// <param name="MaxConcurrency">How many shards may identify in the same 5-second window.</param>
/// <param name="RemainingSessionStarts">Identifies left in the current 24-hour window.</param>
public sealed record GatewayBotInfo(Uri Url, int Shards, int MaxConcurrency, int RemainingSessionStarts);
