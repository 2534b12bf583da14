using System.Collections.Concurrent;

namespace CineSync.Discord.Rest.RateLimits;

/// <summary>
/// Maps routes to buckets. A route starts in a bucket of its own (keyed by route and major
/// parameters); once Discord names its bucket (X-RateLimit-Bucket), routes sharing that hash and
/// the same major parameters share one <see cref="RateLimitBucket"/>.
/// </summary>
internal sealed class RateLimiter(TimeProvider time, int globalRequestsPerSecond)
{
    private readonly ConcurrentDictionary<string, string> _hashByRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);

    public GlobalRateLimiter Global { get; } = new(time, globalRequestsPerSecond);

    public RateLimitBucket GetBucket(RestRoute route)
    {
        var id = _hashByRoute.TryGetValue(route.Key, out var hash) ? hash : route.Key;
        return _buckets.GetOrAdd(id + "|" + route.MajorKey, _ => new RateLimitBucket(time));
    }

    /// <summary>Applies an answer's headers to the bucket the request went through.</summary>
    public void Update(RestRoute route, RateLimitBucket used, in RateLimitHeaders headers)
    {
        var bucket = used;
        if (headers.Bucket is { Length: > 0 } hash)
        {
            _hashByRoute[route.Key] = hash;
            bucket = _buckets.GetOrAdd(hash + "|" + route.MajorKey, used);
        }

        if (headers is { Limit: { } limit, Remaining: { } remaining, ResetAfter: { } resetAfter })
        {
            bucket.Update(limit, remaining, resetAfter);
        }
    }
}
