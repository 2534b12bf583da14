namespace CineSync.Discord.Emulator;

/// <summary>How an emulated Discord behaves. Defaults suit fast end-to-end tests.</summary>
public sealed class DiscordEmulatorOptions
{
    /// <summary>Path of Discord's <c>openapi.json</c>; every REST body is validated against it. Required.</summary>
    public string OpenApiSpecPath { get; set; } = "";

    /// <summary>The bot token the emulator accepts (REST <c>Authorization: Bot …</c> and gateway IDENTIFY).</summary>
    public string BotToken { get; set; } = "emulated-bot-token.Xq1.secret";

    /// <summary>The application id (also the bot user's id). Default <c>1200000000000000000</c>.</summary>
    public ulong ApplicationId { get; set; } = 1_200_000_000_000_000_000;

    /// <summary>The bot user's name. Default <c>CineSync</c>.</summary>
    public string BotUsername { get; set; } = "CineSync";

    /// <summary>HELLO's <c>heartbeat_interval</c>. Default 1 s (Discord sends about 41 s).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Close a socket with 4009 when no heartbeat arrives for this long, as Discord does with silent clients.
    /// Default null (off): a busy test machine can delay a healthy client's timer.
    /// </summary>
    public TimeSpan? HeartbeatTimeout { get; set; }

    /// <summary>
    /// Discord allows <see cref="MaxConcurrency"/> IDENTIFYs per this window per rate-limit key
    /// (<c>shard_id % max_concurrency</c>). Faster ones are recorded in <c>Gateway.IdentifyRateViolations</c>. Default 5 s.
    /// </summary>
    public TimeSpan IdentifyWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Shard count recommended by GET /gateway/bot. Default 1.</summary>
    public int RecommendedShards { get; set; } = 1;

    /// <summary><c>session_start_limit.max_concurrency</c> in GET /gateway/bot. Default 1.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>Time for interaction deadlines, token expiry and rate-limit windows. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Discord's rule: an interaction must be acknowledged within 3 s of dispatch.</summary>
    public TimeSpan AcknowledgementDeadline { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// When true a late callback is refused with 404 10062 like Discord does; when false (default) it is accepted
    /// but recorded in <see cref="DiscordEmulator.LateAcknowledgements"/>, so one slow test reports instead of cascading.
    /// </summary>
    public bool RejectLateAcknowledgements { get; set; }

    /// <summary>Interaction tokens (follow-ups, @original) stay valid this long. Default 15 minutes.</summary>
    public TimeSpan InteractionTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Requests per bucket per window before a natural 429. Default 5, as most Discord routes.</summary>
    public int BucketLimit { get; set; } = 5;

    /// <summary>Bucket window. Default 5 s.</summary>
    public TimeSpan BucketWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Slack for clock granularity when judging a retry early (the client's timer and ours differ by
    /// a millisecond or two). Default 5 ms.
    /// </summary>
    public TimeSpan EarlyRetryTolerance { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>How long <c>Send…Async</c> waits for a READY session on the target shard. Default 10 s.</summary>
    public TimeSpan ReadyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Default wait of <c>InteractionHandle.WaitFor…Async</c>. Default 10 s.</summary>
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws when a setting cannot work, so a misconfigured test fails at start rather than mid-flow.</summary>
    public void Validate()
    {
        if (string.IsNullOrEmpty(OpenApiSpecPath) || !File.Exists(OpenApiSpecPath))
        {
            throw new ArgumentException($"OpenApiSpecPath '{OpenApiSpecPath}' is not a file (tests: SharedPaths.DiscordOpenApiSpec).");
        }

        if (string.IsNullOrWhiteSpace(BotToken) || string.IsNullOrWhiteSpace(BotUsername))
        {
            throw new ArgumentException("BotToken and BotUsername must be set.");
        }

        if (HeartbeatInterval <= TimeSpan.Zero || AcknowledgementDeadline <= TimeSpan.Zero || BucketWindow <= TimeSpan.Zero || HeartbeatTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("Intervals, deadlines and windows must be positive.");
        }

        if (RecommendedShards < 1 || MaxConcurrency < 1 || BucketLimit < 1)
        {
            throw new ArgumentException("RecommendedShards, MaxConcurrency and BucketLimit must be at least 1.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
