using CineSync.Testing;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CineSync.Discord.Tests.Fakes;

namespace CineSync.Discord.Tests.EmulatorSelfTests;

/// <summary>429s look like Discord's, and a client that retries too soon is caught.</summary>
public sealed class RateLimitSelfTests
{
    [Fact]
    public async Task StormAnswers429WithDiscordHeadersAndBody()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var scene = await Scene.StartAsync(clock);
        scene.Discord.RateLimits.StartStorm("/users/@me", TimeSpan.FromSeconds(1.5), count: 1);

        using var limited = await scene.Http.GetAsync("users/@me");
        var body = JsonNode.Parse(await limited.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("2", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal("0", limited.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal("user", limited.Headers.GetValues("X-RateLimit-Scope").Single());
        Assert.False(string.IsNullOrEmpty(limited.Headers.GetValues("X-RateLimit-Bucket").Single()));
        Assert.True(double.Parse(limited.Headers.GetValues("X-RateLimit-Reset-After").Single(), CultureInfo.InvariantCulture) >= 1.5);
        Assert.Equal(1.5, (double)body["retry_after"]!);
        Assert.False((bool)body["global"]!);
        Assert.Equal("You are being rate limited.", (string?)body["message"]);
    }

    [Fact]
    public async Task RetryBeforeRetryAfterIsRecordedAndRetryAfterItSucceeds()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var scene = await Scene.StartAsync(clock);
        scene.Discord.RateLimits.StartStorm(null, TimeSpan.FromSeconds(2), count: 1);

        using var limited = await scene.Http.GetAsync("users/@me");
        clock.Advance(TimeSpan.FromSeconds(1));
        using var early = await scene.Http.GetAsync("users/@me");
        clock.Advance(TimeSpan.FromSeconds(1));
        using var onTime = await scene.Http.GetAsync("users/@me");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onTime.StatusCode);
        var caught = Assert.Single(scene.Discord.RateLimits.EarlyRetries);
        Assert.Equal(TimeSpan.FromSeconds(1), caught.TooEarlyBy);
    }

    [Fact]
    public async Task SuccessfulResponsesCarryBucketHeadersAndTheBucketEmpties()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var scene = await Scene.StartAsync(clock);

        var remaining = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var ok = await scene.Http.GetAsync("users/@me");
            remaining.Add(ok.Headers.GetValues("X-RateLimit-Remaining").Single());
            Assert.Equal("5", ok.Headers.GetValues("X-RateLimit-Limit").Single());
        }

        using var sixth = await scene.Http.GetAsync("users/@me");

        Assert.Equal(["4", "3", "2", "1", "0"], remaining);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
    }

    [Fact]
    public async Task GlobalStormSetsTheGlobalHeader()
    {
        await using var scene = await Scene.StartAsync();
        scene.Discord.RateLimits.StartStorm(null, TimeSpan.FromMilliseconds(100), count: 1, global: true);

        using var limited = await scene.Http.GetAsync("gateway/bot");
        var body = JsonNode.Parse(await limited.Content.ReadAsStringAsync())!;

        Assert.Equal("true", limited.Headers.GetValues("X-RateLimit-Global").Single());
        Assert.True((bool)body["global"]!);
    }
}
