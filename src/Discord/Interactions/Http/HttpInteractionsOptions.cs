namespace CineSync.Discord.Interactions.Http;

/// <summary>Settings of the HTTP interactions endpoint.</summary>
public sealed class HttpInteractionsOptions
{
    /// <summary>The application's public key (hex) from the Developer Portal. Required.</summary>
    public string PublicKey { get; set; } = "";

    /// <summary>Requests whose timestamp is further than this from now are rejected (replay protection). Default 5 minutes.</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Larger bodies get 413. Default 256 KiB (interactions are a few KiB).</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How long the endpoint waits for a handler's first answer before replying 500. Discord allows 3 s.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
