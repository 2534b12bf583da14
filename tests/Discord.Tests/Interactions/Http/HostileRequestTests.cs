using CineSync.Testing;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CineSync.Discord.Hosting;
using CineSync.Discord.Interactions.Http;
using CineSync.Discord.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CineSync.Discord.Tests.Interactions.Http;

/// <summary>
/// Whatever arrives at the interactions endpoint — forged, replayed, stale, oversized, truncated or ill-typed — gets a
/// clear status (401, 413, 400) or a private "that button no longer works", never reaches a handler, and leaves the
/// endpoint serving the next genuine request.
/// </summary>
public sealed class HostileRequestTests : IAsyncLifetime
{
    private const string Command = """{"id":"1100000000000000001","application_id":"1000000000000000001","type":2,"token":"tok","version":1,"channel_id":"1200000000000000001","user":{"id":"1300000000000000001","username":"alice"},"data":{"id":"1400000000000000001","name":"rate","type":1,"options":[{"name":"stars","type":10,"value":4.5}]}}""";
    private readonly TestClock _time = new(DateTimeOffset.FromUnixTimeSeconds(SignatureFixture.Timestamp));
    private readonly HttpClient _http = new();
    private readonly List<string> _handled = [];
    private WebApplication? _app;
    private long _pings;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddDiscordRest(o => o.Token = "unused-token");
        builder.Services.AddDiscordInteractions(
            router => router
                .MapCommand("rate", ctx => Handle("rate:" + ctx.Interaction.GetDouble("stars")?.ToString(CultureInfo.InvariantCulture), ctx.ReplyAsync("Rated")))
                .MapComponent("fb", ctx => Handle("fb:" + ctx.Interaction.CustomId, ctx.ReplyAsync("Thanks"))),
            o => o.RegisterCommands = false);

        // Default limits: the 1 MB bodies below are four times the endpoint's 256 KiB.
        builder.Services.AddDiscordHttpInteractions(o => o.PublicKey = SignatureFixture.PublicKey);
        _app = builder.Build();
        _app.MapDiscordInteractions("/interactions");
        await _app.StartAsync();
        _http.BaseAddress = new Uri(_app.Urls.First());
    }

    public static TheoryData<string> MalformedBodies() =>
    [
        Command[..1],
        Command[..(Command.Length / 2)],
        Command[..^1],
        "",
        "null",
        "[]",
        "\"ping\"",
        """{"type":"2"}""",
        """{"type":2.5}""",
        """{"type":99999999999}""",
        """{"type":2,"id":{"a":1}}""",
        """{"type":2,"id":"-1"}""",
        """{"type":2,"data":[]}""",
        """{"type":2,"user":"alice","data":{"name":"rate"}}""",
        """{"type":2,"data":{"name":"rate","options":{"stars":5}}}""",
        """{"type":2,"data":{"name":"rate","options":[{"name":"stars","type":"number","value":5}]}}""",
        """{"type":3,"data":{"custom_id":7,"component_type":2}}""",
        """{"id":"1","application_id":"1","type":2,"token":"t","version":1,"user":{"id":"5","username":"a"},"data":{"id":"1","name":"rate","type":1,"options":[{"name":"stars","type":10,"value":1},{"name":"stars","type":10,"value":5}]}}""",
        new string('[', 10_000) + new string(']', 10_000),
    ];

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_signed_body_that_is_not_a_well_typed_interaction_gets_400_and_reaches_no_handler(string body)
    {
        using var response = await PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_handled);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task An_interaction_missing_what_a_command_needs_gets_400_and_reaches_no_handler()
    {
        foreach (var body in new[]
        {
            """{"id":"1","application_id":"1","type":2,"token":"t","version":1}""",
            """{"id":"1","application_id":"1","type":3,"token":"t","version":1,"user":{"id":"5","username":"a"}}""",
            """{"id":"1","application_id":"1","type":2,"token":"t","version":1,"user":{"id":"5","username":"a"},"data":{"id":"1","type":1}}""",
            """{"application_id":"1","type":2,"token":"t","version":1,"user":{"id":"5","username":"a"},"data":{"id":"1","name":"rate","type":1}}""",
            """{"id":"1","application_id":"1","type":2,"version":1,"user":{"id":"5","username":"a"},"data":{"id":"1","name":"rate","type":1}}""",
        })
        {
            using var response = await PostSignedAsync(body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        }

        Assert.Empty(_handled);
    }

    [Fact]
    public async Task A_1_MB_body_gets_413_with_or_without_a_content_length()
    {
        var body = "{\"type\":1,\"pad\":\"" + new string('x', 1024 * 1024) + "\"}";
        var timestamp = Now();
        var signature = SignatureFixture.Sign(timestamp, body);

        using var declared = await PostAsync(new StringContent(body, Encoding.UTF8, "application/json"), signature, timestamp);
        using var chunked = await PostAsync(new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(body))), signature, timestamp);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Empty(_handled);
        await AssertStillServingAsync();
    }

    public static TheoryData<string> Forgeries() => ["flipped", "other-body", "missing", "empty", "not-hex", "too-long", "too-short", "missing-timestamp", "non-numeric-timestamp", "other-timestamp"];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_or_missing_signature_gets_401_and_reaches_no_handler(string forgery)
    {
        var timestamp = Now();
        var signature = SignatureFixture.Sign(timestamp, Command);
        (string? Signature, string? Timestamp) headers = forgery switch
        {
            "flipped" => ((signature[0] == '0' ? "1" : "0") + signature[1..], timestamp),
            "other-body" => (SignatureFixture.Sign(timestamp, Command.Replace("4.5", "5", StringComparison.Ordinal)), timestamp),
            "missing" => (null, timestamp),
            "empty" => ("", timestamp),
            "not-hex" => (new string('z', signature.Length), timestamp),
            "too-long" => (signature + "00", timestamp),
            "too-short" => (signature[..^2], timestamp),
            "missing-timestamp" => (signature, null),
            "non-numeric-timestamp" => (signature, "soon"),
            "other-timestamp" => (signature, (SignatureFixture.Timestamp + 1).ToString(CultureInfo.InvariantCulture)),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };

        using var response = await PostAsync(new StringContent(Command, Encoding.UTF8, "application/json"), headers.Signature, headers.Timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_handled);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_replayed_request_gets_401_and_is_handled_only_once()
    {
        var timestamp = Now();
        var signature = SignatureFixture.Sign(timestamp, Command);

        using var first = await PostAsync(new StringContent(Command, Encoding.UTF8, "application/json"), signature, timestamp);
        using var replay = await PostAsync(new StringContent(Command, Encoding.UTF8, "application/json"), signature, timestamp);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(["rate:4.5"], _handled);
    }

    [Fact]
    public async Task A_stale_or_future_timestamp_gets_401_even_when_signed()
    {
        foreach (var offset in new[] { -301, 301, -86_400 * 365 })
        {
            var timestamp = (SignatureFixture.Timestamp + offset).ToString(CultureInfo.InvariantCulture);
            using var response = await PostAsync(new StringContent(Command, Encoding.UTF8, "application/json"), SignatureFixture.Sign(timestamp, Command), timestamp);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Empty(_handled);
    }

    [Fact]
    public async Task An_unknown_button_or_command_is_answered_privately_and_reaches_no_handler()
    {
        foreach (var body in new[]
        {
            """{"id":"1","application_id":"1","type":3,"token":"t","version":1,"channel_id":"2","user":{"id":"5","username":"a"},"data":{"custom_id":"zz:gone:42","component_type":2}}""",
            """{"id":"2","application_id":"1","type":3,"token":"t","version":1,"channel_id":"2","user":{"id":"5","username":"a"},"data":{"custom_id":"","component_type":2}}""",
            """{"id":"3","application_id":"1","type":2,"token":"t","version":1,"channel_id":"2","user":{"id":"5","username":"a"},"data":{"id":"9","name":"no_such_command","type":1}}""",
        })
        {
            using var response = await PostSignedAsync(body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(4, answer.RootElement.GetProperty("type").GetInt32());
            Assert.Equal(64, answer.RootElement.GetProperty("data").GetProperty("flags").GetInt32() & 64);
            Assert.Contains("no longer", answer.RootElement.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        }

        Assert.Empty(_handled);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static string Now() => SignatureFixture.Timestamp.ToString(CultureInfo.InvariantCulture);

    private ValueTask Handle(string what, ValueTask reply)
    {
        lock (_handled)
        {
            _handled.Add(what);
        }

        return reply;
    }

    /// <summary>A genuine ping still gets its pong.</summary>
    private async Task AssertStillServingAsync()
    {
        // Distinct bodies, so the replay guard does not take a second check for a replay.
        var body = "{\"type\":1,\"id\":\"" + Interlocked.Increment(ref _pings).ToString(CultureInfo.InvariantCulture) + "\"}";
        using var response = await PostSignedAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> PostSignedAsync(string body)
    {
        var timestamp = Now();
        return PostAsync(new StringContent(body, Encoding.UTF8, "application/json"), SignatureFixture.Sign(timestamp, body), timestamp);
    }

    private async Task<HttpResponseMessage> PostAsync(HttpContent content, string? signature, string? timestamp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/interactions") { Content = content };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signature);
        }

        if (timestamp is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", timestamp);
        }

        return await _http.SendAsync(request);
    }

    /// <summary>A body sent chunked: the endpoint cannot refuse it by its Content-Length and must stop reading.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
