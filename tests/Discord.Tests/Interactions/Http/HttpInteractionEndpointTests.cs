using CineSync.Testing;
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

/// <summary>The HTTP interactions endpoint on a real Kestrel (loopback), with the clock fixed at the fixture's timestamp.</summary>
public sealed class HttpInteractionEndpointTests : IAsyncLifetime
{
    private readonly TestClock _time = new(DateTimeOffset.FromUnixTimeSeconds(SignatureFixture.Timestamp));
    private readonly HttpClient _http = new();
    private WebApplication? _app;

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in SignatureFixture.Cases)
        {
            data.Add(c.Name);
        }

        return data;
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddDiscordRest(o => o.Token = "unused-token");
        builder.Services.AddDiscordInteractions(
            router => router.MapCommand("recommend", ctx => ctx.ReplyAsync("You asked about " + ctx.Interaction.GetString("title"))),
            o => o.RegisterCommands = false);
        builder.Services.AddDiscordHttpInteractions(o =>
        {
            o.PublicKey = SignatureFixture.PublicKey;
            o.MaxBodyBytes = 4096;
        });
        _app = builder.Build();
        _app.MapDiscordInteractions("/interactions");
        await _app.StartAsync();
        _http.BaseAddress = new Uri(_app.Urls.First());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Signed_requests_are_served_and_forged_ones_get_401(string name)
    {
        var vector = SignatureFixture.Case(name);

        using var response = await PostAsync(vector.Body, vector.Signature, vector.Timestamp);

        Assert.Equal((HttpStatusCode)vector.ExpectedHttpStatus, response.StatusCode);
    }

    [Fact]
    public async Task A_ping_is_answered_with_pong()
    {
        var vector = SignatureFixture.Case("ping_valid");

        using var response = await PostAsync(vector.Body, vector.Signature, vector.Timestamp);

        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_command_is_answered_in_the_response_body_by_its_handler()
    {
        var vector = SignatureFixture.Case("command_utf8_valid");

        using var response = await PostAsync(vector.Body, vector.Signature, vector.Timestamp);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(4, body.RootElement.GetProperty("type").GetInt32());
        Assert.Equal("You asked about Amélie 🎬", body.RootElement.GetProperty("data").GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_stale_timestamp_gets_401_even_with_a_valid_signature()
    {
        var vector = SignatureFixture.Case("ping_valid");
        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        using var response = await PostAsync(vector.Body, vector.Signature, vector.Timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Missing_signature_headers_get_401()
    {
        using var response = await _http.PostAsync(new Uri("/interactions", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_gets_413()
    {
        var body = "{\"type\":1,\"pad\":\"" + new string('x', 5000) + "\"}";
        var timestamp = SignatureFixture.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var response = await PostAsync(body, SignatureFixture.Sign(timestamp, body), timestamp);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_but_malformed_body_gets_400()
    {
        const string body = "{\"type\":";
        var timestamp = SignatureFixture.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var response = await PostAsync(body, SignatureFixture.Sign(timestamp, body), timestamp);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string signature, string timestamp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", signature);
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return await _http.SendAsync(request);
    }
}
