using Microsoft.Extensions.Logging;

namespace CineSync.Dashboard.Tests.Support;

/// <summary>
/// Drives the fake runtime and recommendation instruments from a background loop, the way a busy silo
/// would: a mix of grain types and methods with log-normal-ish latencies, some errors, ratings and feedback.
/// </summary>
internal sealed partial class FakeLoad : IAsyncDisposable
{
    private static readonly (string Type, string Method, double Weight, double LatencyMs)[] Mix =
    [
        ("UserTasteGrain", "GetTasteSnapshot", 0.35, 0.4),
        ("UserTasteGrain", "Rate", 0.15, 3.5),
        ("ModelGrain", "ScorePersonal", 0.2, 6.0),
        ("ModelGrain", "Explain", 0.05, 12.0),
        ("CatalogGrain", "Search", 0.15, 1.2),
        ("WatchPartyGrain", "Vote", 0.07, 2.0),
        ("WatchPartyGrain", "GroupTopK", 0.03, 25.0),
    ];

    private readonly FakeSiloMeters _meters;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Random _random = new(20261121);
    private readonly Task _loop;

    public FakeLoad(FakeSiloMeters meters, ILogger logger)
    {
        _meters = meters;
        _logger = logger;
        meters.Activate("UserTasteGrain", 1_240);
        meters.Activate("ModelGrain", 4);
        meters.Activate("CatalogGrain", 1);
        meters.Activate("WatchPartyGrain", 17);
        meters.ActiveUsers = 1_240;
        meters.ColdStartUsers = 186;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Grain calls per 20 ms batch (0 = idle).</summary>
    public int CallsPerBatch { get; set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var batch = 0L;
        while (!_stop.IsCancellationRequested)
        {
            var calls = CallsPerBatch;
            for (var i = 0; i < calls; i++)
            {
                var (type, method, _, latency) = Pick();
                var jitter = Math.Exp((_random.NextDouble() * 1.6) - 0.6) * (_random.NextDouble() < 0.01 ? 8 : 1);
                _meters.Call(type, method, latency * jitter, failed: _random.NextDouble() < 0.004);
            }

            if (calls > 0 && batch % 5 == 0)
            {
                _meters.Ratings.Add(_random.Next(1, 4));
                var model = _random.NextDouble() < 0.7 ? "als" : "item-knn";
                var kind = _random.NextDouble() switch
                {
                    < 0.55 => DashboardMetricNames.Like,
                    < 0.8 => DashboardMetricNames.Dislike,
                    < 0.92 => DashboardMetricNames.NotInterested,
                    _ => DashboardMetricNames.Watched,
                };
                _meters.Feedbacks(kind, model);
            }

            if (calls > 0 && batch % 25 == 0)
            {
                LogRated(_logger, 100_000 + _random.Next(900), _random.Next(1, 190_000), 0.5 * _random.Next(1, 11));
            }

            batch++;
            await Task.Delay(20, _stop.Token);
        }
    }

    private (string, string, double, double) Pick()
    {
        var r = _random.NextDouble();
        foreach (var entry in Mix)
        {
            if ((r -= entry.Weight) <= 0)
            {
                return entry;
            }
        }

        return Mix[0];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} rated movie {MovieId}: {Rating} stars")]
    private static partial void LogRated(ILogger logger, int userId, int movieId, double rating);
}
