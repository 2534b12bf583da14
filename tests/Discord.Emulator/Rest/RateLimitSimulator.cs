using System.Globalization;
using System.Collections.Concurrent;

namespace CineSync.Discord.Emulator.Rest;

/// <summary>
/// Per-route buckets with Discord's X-RateLimit-* headers, natural 429s when a bucket is exhausted, and
/// scripted 429 storms. Remembers when each 429 said the client may retry, and records any request that
/// came back sooner in <see cref="EarlyRetries"/>.
/// </summary>
public sealed class RateLimitSimulator
{
    private readonly Lock _sync = new();
    private readonly TimeProvider _time;
    private readonly DiscordEmulatorOptions _options;
    private readonly Dictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private readonly List<Storm> _storms = [];
    private readonly ConcurrentQueue<EarlyRetry> _earlyRetries = new();
    private DateTimeOffset _globalBlockedUntil = DateTimeOffset.MinValue;

    internal RateLimitSimulator(DiscordEmulatorOptions options)
    {
        _options = options;
        _time = _options.TimeProvider;
    }

    /// <summary>Requests that arrived at a limited bucket before its retry_after elapsed. Should stay empty.</summary>
    public IReadOnlyList<EarlyRetry> EarlyRetries => [.. _earlyRetries];

    /// <summary>How many 429s have been answered.</summary>
    public int RateLimitedResponses { get; private set; }

    /// <summary>
    /// Answers the next <paramref name="count"/> requests matching <paramref name="route"/> with 429 and
    /// <paramref name="retryAfter"/>. <paramref name="route"/> is null for every route, a spec template
    /// (<c>/interactions/{interaction_id}/{interaction_token}/callback</c>) or <c>METHOD template</c>.
    /// </summary>
    public void StartStorm(string? route, TimeSpan retryAfter, int count, bool global = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_sync)
        {
            _storms.Add(new Storm(route, retryAfter, global) { Remaining = count });
        }
    }

    /// <summary>Ends all storms (already-given retry_after deadlines still count).</summary>
    public void StopStorms()
    {
        lock (_sync)
        {
            _storms.Clear();
        }
    }

    internal RateLimitDecision Check(string method, string template, string majorParameters, string path)
    {
        var now = _time.GetUtcNow();
        var routeKey = $"{method} {template}";
        var bucketHash = BucketHash(routeKey);
        lock (_sync)
        {
            if (!_buckets.TryGetValue(bucketHash + ":" + majorParameters, out var bucket))
            {
                bucket = new BucketState { WindowEnds = now + _options.BucketWindow };
                _buckets[bucketHash + ":" + majorParameters] = bucket;
            }

            var blockedUntil = _globalBlockedUntil > bucket.BlockedUntil ? _globalBlockedUntil : bucket.BlockedUntil;
            if (now + _options.EarlyRetryTolerance < blockedUntil)
            {
                _earlyRetries.Enqueue(new EarlyRetry(method, path, _globalBlockedUntil == blockedUntil ? "global" : bucketHash, now, blockedUntil));
                return Limited(bucketHash, blockedUntil - now, _globalBlockedUntil == blockedUntil, now);
            }

            var storm = _storms.FirstOrDefault(candidate => candidate.Remaining > 0 && candidate.Matches(method, template));
            if (storm is not null)
            {
                storm.Remaining--;
                if (storm.Global)
                {
                    _globalBlockedUntil = now + storm.RetryAfter;
                }
                else
                {
                    bucket.BlockedUntil = now + storm.RetryAfter;
                }

                return Limited(bucketHash, storm.RetryAfter, storm.Global, now);
            }

            if (now >= bucket.WindowEnds)
            {
                bucket.WindowEnds = now + _options.BucketWindow;
                bucket.Used = 0;
            }

            if (bucket.Used >= _options.BucketLimit)
            {
                // The client ignored Remaining: 0. Discord answers 429 until the window resets.
                bucket.BlockedUntil = bucket.WindowEnds;
                return Limited(bucketHash, bucket.WindowEnds - now, global: false, now);
            }

            bucket.Used++;
            return new RateLimitDecision(null, Headers(bucketHash, _options.BucketLimit - bucket.Used, bucket.WindowEnds - now, now));
        }
    }

    private RateLimitDecision Limited(string bucketHash, TimeSpan retryAfter, bool global, DateTimeOffset now)
    {
        RateLimitedResponses++;
        var headers = global
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-RateLimit-Global"] = "true", ["X-RateLimit-Scope"] = "global" }
            : Headers(bucketHash, 0, retryAfter, now);
        if (!global)
        {
            headers["X-RateLimit-Scope"] = "user";
        }

        headers["Retry-After"] = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return new RateLimitDecision(retryAfter, headers) { Global = global };
    }

    private Dictionary<string, string> Headers(string bucketHash, int remaining, TimeSpan resetAfter, DateTimeOffset now) =>
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["X-RateLimit-Limit"] = _options.BucketLimit.ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Remaining"] = Math.Max(0, remaining).ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Reset"] = ((now + resetAfter).ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture),
            ["X-RateLimit-Reset-After"] = Math.Max(0, resetAfter.TotalSeconds).ToString("0.000", CultureInfo.InvariantCulture),
            ["X-RateLimit-Bucket"] = bucketHash,
        };

    /// <summary>A stable, opaque bucket id per route (FNV-1a), like Discord's hashes.</summary>
    private static string BucketHash(string routeKey)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in routeKey)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    private sealed class BucketState
    {
        public int Used { get; set; }

        public DateTimeOffset WindowEnds { get; set; }

        public DateTimeOffset BlockedUntil { get; set; } = DateTimeOffset.MinValue;
    }

    private sealed record Storm(string? Route, TimeSpan RetryAfter, bool Global)
    {
        public int Remaining { get; set; }

        public bool Matches(string method, string template) =>
            Route is null
            || string.Equals(Route, template, StringComparison.Ordinal)
            || string.Equals(Route, $"{method} {template}", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>The limiter's answer: <see cref="RetryAfter"/> set means answer 429.</summary>
internal sealed record RateLimitDecision(TimeSpan? RetryAfter, Dictionary<string, string> Headers)
{
    public bool Global { get; init; }
}
