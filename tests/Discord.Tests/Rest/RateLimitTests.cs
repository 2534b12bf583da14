using System.Net;
using System.Text.Json;
using CineSync.Discord.Rest;
using CineSync.Discord.Tests.Fakes;
using CineSync.Testing;

namespace CineSync.Discord.Tests.Rest;

public sealed class RateLimitTests
{
    private const string GatewayBody = """{"url":"wss://gateway.discord.test","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":1,"max_concurrency":1}}""";

    [Fact]
    public async Task An_exhausted_bucket_waits_for_its_reset_before_the_next_request()
    {
        using var rest = new RestTestClient((_, i) => i switch
        {
            0 => Ok(limit: 2, remaining: 1, resetAfter: "2"),
            1 => Ok(limit: 2, remaining: 0, resetAfter: "1.5"),
            _ => Ok(limit: 2, remaining: 1, resetAfter: "2"),
        });

        for (var i = 0; i < 3; i++)
        {
            await rest.Time.DriveAsync(rest.Client.GetGatewayBotAsync());
        }

        Assert.Equal(0, rest.SentAt(0));
        Assert.Equal(0, rest.SentAt(1));
        Assert.Equal(1.5, rest.SentAt(2), precision: 3);
    }

    [Fact]
    public async Task A_429_is_retried_no_sooner_than_retry_after_from_the_body()
    {
        var fixture = RateLimitFixture("user_scope_429");
        using var rest = new RestTestClient((_, i) => i == 0 ? FromFixture(fixture) : Ok(limit: 10, remaining: 9, resetAfter: "60"));

        var info = await rest.Time.DriveAsync(rest.Client.GetGatewayBotAsync());

        Assert.Equal(2, rest.Handler.Requests.Count);
        Assert.True(rest.SentAt(1) >= 64.57, $"retried after {rest.SentAt(1)} s; retry_after was 64.57 s");
        Assert.Equal("gateway.discord.test", info.Url.Host);
    }

    [Fact]
    public async Task A_global_429_holds_back_every_route_until_retry_after()
    {
        var fixture = RateLimitFixture("global_429");
        using var rest = new RestTestClient((request, i) => i == 0 ? FromFixture(fixture) : Ok(limit: 5, remaining: 4, resetAfter: "5"));
        var rateLimited = new TaskCompletionSource();
        rest.Handler.Sent += _ => rateLimited.TrySetResult();

        var first = rest.Client.GetGatewayBotAsync();
        await rateLimited.Task;
        var other = rest.Client.GetCurrentUserAsync();
        await rest.Time.DriveAsync(Task.WhenAll(first, other));

        var userCall = rest.Handler.Requests.Single(r => r.Path.EndsWith("/users/@me", StringComparison.Ordinal));
        Assert.True((userCall.At - rest.Start).TotalSeconds >= 64.57, "another route was sent during a global rate limit");
        Assert.All(rest.Handler.Requests.Skip(1), r => Assert.True((r.At - rest.Start).TotalSeconds >= 64.57));
    }

    [Fact]
    public async Task The_global_limit_spreads_a_burst_over_seconds()
    {
        using var rest = new RestTestClient((_, _) => Ok(limit: 100, remaining: 99, resetAfter: "1"), o => o.GlobalRequestsPerSecond = 5);

        var calls = Enumerable.Range(0, 12).Select(_ => rest.Client.GetCurrentUserAsync()).ToArray();
        await rest.Time.DriveAsync(Task.WhenAll(calls));

        var perSecond = rest.Handler.Requests.GroupBy(r => (int)(r.At - rest.Start).TotalSeconds).Select(g => g.Count()).ToArray();
        Assert.Equal([5, 5, 2], perSecond);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_exponential_backoff()
    {
        using var rest = new RestTestClient((_, i) => i < 2
            ? FakeHttpHandler.Json(HttpStatusCode.BadGateway, "{}")
            : FakeHttpHandler.Json(HttpStatusCode.OK, GatewayBody));

        await rest.Time.DriveAsync(rest.Client.GetGatewayBotAsync());

        Assert.Equal([0, 0.5, 1.5], rest.Handler.Requests.Select((_, i) => rest.SentAt(i)));
    }

    [Fact]
    public async Task Server_errors_give_up_after_the_configured_retries()
    {
        using var rest = new RestTestClient((_, _) => FakeHttpHandler.Json(HttpStatusCode.InternalServerError, "{}"), o => o.MaxServerErrorRetries = 2);

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => rest.Time.DriveAsync(rest.Client.GetGatewayBotAsync()));

        Assert.Equal(3, rest.Handler.Requests.Count);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
    }

    [Fact]
    public async Task Discord_errors_surface_their_json_code_and_are_not_retried()
    {
        using var rest = new RestTestClient((_, _) => FakeHttpHandler.Json(HttpStatusCode.NotFound, """{"message":"Unknown interaction","code":10062}"""));

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => rest.Time.DriveAsync(rest.Client.GetGatewayBotAsync()));

        Assert.Equal(10062, error.ErrorCode);
        Assert.Single(rest.Handler.Requests);
        Assert.DoesNotContain(RestTestClient.Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_carry_the_bot_token_as_authorization()
    {
        using var rest = new RestTestClient((_, _) => FakeHttpHandler.Json(HttpStatusCode.OK, GatewayBody));

        await rest.Time.DriveAsync(rest.Client.GetGatewayBotAsync());

        Assert.Equal("Bot " + RestTestClient.Token, rest.Handler.Requests[0].Authorization);
        Assert.Equal("/api/v10/gateway/bot", rest.Handler.Requests[0].Path);
    }

    [Fact]
    public async Task Buckets_are_separate_per_major_parameter()
    {
        using var rest = new RestTestClient((_, _) => Ok(limit: 1, remaining: 0, resetAfter: "10", json: "[]"));

        await rest.Time.DriveAsync(rest.Client.BulkOverwriteGuildCommandsAsync(1, 100, []));
        await rest.Time.DriveAsync(rest.Client.BulkOverwriteGuildCommandsAsync(1, 200, []));
        await rest.Time.DriveAsync(rest.Client.BulkOverwriteGuildCommandsAsync(1, 100, []));

        Assert.Equal(0, rest.SentAt(1));
        Assert.Equal(10, rest.SentAt(2), precision: 3);
    }

    private static HttpResponseMessage Ok(int limit, int remaining, string resetAfter, string json = GatewayBody)
        => FakeHttpHandler.Json(
            HttpStatusCode.OK,
            json,
            ("X-RateLimit-Limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("X-RateLimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("X-RateLimit-Reset-After", resetAfter),
            ("X-RateLimit-Bucket", "abcd1234"));

    private static JsonElement RateLimitFixture(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedPaths.DiscordFixtures, "rest", "rate-limit-responses.json")));
        return document.RootElement.GetProperty("responses").EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == name).Clone();
    }

    private static HttpResponseMessage FromFixture(JsonElement fixture)
    {
        var headers = fixture.GetProperty("headers").EnumerateObject()
            .Where(h => h.Name != "Content-Type")
            .Select(h => (h.Name, h.Value.GetString()!))
            .ToArray();
        return FakeHttpHandler.Json((HttpStatusCode)fixture.GetProperty("status").GetInt32(), fixture.GetProperty("body").GetRawText(), headers);
    }
}
