using CineSync.Testing;
using CineSync.Discord.Rest;
using CineSync.Discord.Tests.Fakes;

namespace CineSync.Discord.Tests.Rest;

/// <summary>A <see cref="DiscordRestClient"/> over a scripted handler and a fake clock.</summary>
internal sealed class RestTestClient : IDisposable
{
    public const string Token = "test-token.abc";

    public RestTestClient(Func<RecordedRequest, int, HttpResponseMessage> respond, Action<DiscordRestClientOptions>? configure = null)
    {
        Handler = new FakeHttpHandler(Time, respond);
        var options = new DiscordRestClientOptions { Token = Token, ApiBaseUrl = new Uri("http://discord.test/api/v10/") };
        configure?.Invoke(options);
        Http = new HttpClient(Handler);
        Client = new DiscordRestClient(Http, options, Time);
    }

    public TestClock Time { get; } = new();
    public FakeHttpHandler Handler { get; }
    public HttpClient Http { get; }
    public DiscordRestClient Client { get; }
    public DateTimeOffset Start { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Seconds after the start at which request <paramref name="index"/> was sent.</summary>
    public double SentAt(int index) => (Handler.Requests[index].At - Start).TotalSeconds;

    public void Dispose()
    {
        Http.Dispose();
        Handler.Dispose();
    }
}
