using System.Globalization;
using System.Net.Http.Headers;

namespace CineSync.Discord.Rest.RateLimits;

/// <summary>The X-RateLimit-* headers of one answer.</summary>
internal readonly record struct RateLimitHeaders(
    string? Bucket, int? Limit, int? Remaining, TimeSpan? ResetAfter, bool Global, TimeSpan? RetryAfter)
{
    public static RateLimitHeaders Parse(HttpResponseHeaders headers) => new(
        Get(headers, "X-RateLimit-Bucket"),
        int.TryParse(Get(headers, "X-RateLimit-Limit"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) ? limit : null,
        int.TryParse(Get(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining) ? remaining : null,
        Seconds(Get(headers, "X-RateLimit-Reset-After")),
        string.Equals(Get(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
        Seconds(Get(headers, "Retry-After")));

    /// <summary>Only the bucket name, without the counters.</summary>
    public RateLimitHeaders BucketOnly() => this with { Limit = null, Remaining = null, ResetAfter = null };

    private static string? Get(HttpResponseHeaders headers, string name)
        => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan? Seconds(string? value)
        => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
