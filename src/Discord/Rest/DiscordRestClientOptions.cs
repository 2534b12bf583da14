namespace CineSync.Discord.Rest;

/// <summary>Settings of <see cref="DiscordRestClient"/>.</summary>
public sealed class DiscordRestClientOptions
{
    /// <summary>The bot token, sent as <c>Authorization: Bot &lt;token&gt;</c>. Required; never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>The API root, ending with a slash. Default <c>https://discord.com/api/v10/</c>; the emulator uses a loopback http URL.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10/");

    /// <summary>Requests per second allowed across all routes (Discord's global limit). Default 50.</summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>How many times a 5xx answer is retried before the call fails. Default 3.</summary>
    public int MaxServerErrorRetries { get; set; } = 3;

    /// <summary>The first backoff after a 5xx; doubled on each further retry. Default 500 ms.</summary>
    public TimeSpan ServerErrorBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many 429 answers one call tolerates (each one waited out) before it fails. Default 10.</summary>
    public int MaxRateLimitRetries { get; set; } = 10;

    /// <summary>The User-Agent header Discord asks bots to send.</summary>
    public string UserAgent { get; set; } = "DiscordBot (https://github.com/cinesync/cinesync, 1.0)";

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            throw new InvalidOperationException("DiscordRestClientOptions.Token is required.");
        }

        if (!ApiBaseUrl.IsAbsoluteUri || !ApiBaseUrl.AbsolutePath.EndsWith('/'))
        {
            throw new InvalidOperationException($"DiscordRestClientOptions.ApiBaseUrl must be absolute and end with '/': {ApiBaseUrl}");
        }

        if (GlobalRequestsPerSecond <= 0 || MaxServerErrorRetries < 0 || MaxRateLimitRetries < 0)
        {
            throw new InvalidOperationException("DiscordRestClientOptions: limits must be positive.");
        }
    }
}
