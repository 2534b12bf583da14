using System.Collections.Concurrent;
using System.Globalization;
using CineSync.Bot.ConsoleMode;
using CineSync.Bot.Core;
using CineSync.Discord.Interactions.Routing;
using CineSync.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CineSync.Load.Bench;

/// <summary>
/// The bot as Discord drives it, minus the Discord wire: the same <see cref="BotEngine"/> both front ends call (command
/// and button handlers, rendering, error replies) over the bot's own Orleans cluster client, so every request crosses
/// the gateway and Orleans' serializers exactly as a real interaction does.
/// </summary>
internal sealed class BotDriver : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly BotEngine _engine;
    private long _interactions;

    private BotDriver(IHost host)
    {
        _host = host;
        _engine = host.Services.GetRequiredService<BotEngine>();
    }

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Ratings that got a "Rated …" reply: each must be in user_ratings afterwards.</summary>
    public ConcurrentDictionary<(long User, int Movie), float> Acknowledged { get; } = new();

    public static async Task<BotDriver> StartAsync(string connectionString, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder([$"--Cluster:ClusterId={clusterId}", $"--ConnectionStrings:CineSync={connectionString}", "--Console:UserId=1"]);
        builder.Logging.ClearProviders();
        builder.AddCineSyncClusterClient();
        builder.Services.AddCineSyncBot(builder.Configuration);

        // Without a Discord token the bot would serve this terminal; here the load generator is the front end.
        var console = builder.Services.Single(d => d.ImplementationType == typeof(ConsoleFrontEnd));
        builder.Services.Remove(console);
        var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        return new BotDriver(host);
    }

    public async Task<string> RateAsync(long user, int movie)
    {
        var stars = StarsFor(user, movie);
        var reply = await CommandAsync("rate", user, ("title", Title(movie)), ("stars", stars.ToString("0.0", CultureInfo.InvariantCulture))).ConfigureAwait(false);
        if (reply.Content?.Contains("Rated ", StringComparison.Ordinal) == true)
        {
            Acknowledged[(user, movie)] = stars;
            return Outcome.Ok;
        }

        return Outcome.Classify(reply);
    }

    public async Task<string> StatsAsync(long user)
    {
        var reply = await CommandAsync("my_stats", user).ConfigureAwait(false);
        return reply.Embeds.Count > 0 ? Outcome.Ok : Outcome.Classify(reply);
    }

    public async Task<string> RecommendAsync(long user) => Outcome.Public(await CommandAsync("recommend", user, ("count", "5")).ConfigureAwait(false));

    public async Task<string> WhyAsync(long user, int movie) => Outcome.Public(await CommandAsync("why", user, ("title", Title(movie))).ConfigureAwait(false));

    public async Task<string> SimilarAsync(long user, int movie) => Outcome.Public(await CommandAsync("similar", user, ("title", Title(movie))).ConfigureAwait(false));

    public async Task<string> WatchPartyAsync(long host, IReadOnlyList<long> members)
    {
        var options = members.Select((m, i) => ("member" + (i + 1).ToString(CultureInfo.InvariantCulture), m.ToString(CultureInfo.InvariantCulture))).ToArray();
        return Outcome.Public(await CommandAsync("watch_party", host, options).ConfigureAwait(false));
    }

    public async Task<string> FeedbackAsync(long user, int movie, bool like)
    {
        var id = CustomId.Parse(CustomIds.FeedbackButton(like ? "like" : "dislike", movie, user, null));
        var reply = await _engine.PressAsync(new ComponentInput(user, id), CancellationToken.None).ConfigureAwait(false);
        return reply.Content?.StartsWith(like ? "👍" : "👎", StringComparison.Ordinal) == true ? Outcome.Ok : Outcome.Classify(reply);
    }

    /// <summary>The stars a user gives a title: always the same, so a re-rating never makes an acknowledged value stale.</summary>
    public static float StarsFor(long user, int movie) => 0.5f + (int)((ulong)(user * 31 + movie) % 10) * 0.5f;

    private static string Title(int movie) => TitleLookup.IdMarker + movie.ToString(CultureInfo.InvariantCulture);

    private Task<BotReply> CommandAsync(string name, long user, params (string Name, string Value)[] options)
    {
        var id = Interlocked.Increment(ref _interactions).ToString(CultureInfo.InvariantCulture);
        return _engine.RunCommandAsync(name, new CommandInput(user, id, options.ToDictionary(o => o.Name, o => o.Value)), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().ConfigureAwait(false);
        _host.Dispose();
    }
}
