using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CineSync.Grains.Data;
using CineSync.Grains.Interfaces;
using Microsoft.Extensions.Options;

namespace CineSync.Grains.Diagnostics;

/// <summary>
/// What this silo's user grains do, two ways. Meter <c>CineSync.Recommendations</c> for telemetry exporters:
/// <c>cinesync.ratings</c> and <c>cinesync.feedback</c> (tags <c>kind</c>, <c>model</c>) counters, and gauges of user
/// grains in memory (<c>cinesync.users.active</c>) and, among them, those still in cold start
/// (<c>cinesync.users.cold_start</c>, fewer than 5 ratings). And the same figures over a recent window
/// (<see cref="ReadRecent"/>, <see cref="RecommendationMetricsOptions.Window"/>), which the silo's facts grain reports:
/// counters since start cannot tell whether a model is liked <em>now</em>.
/// </summary>
internal sealed class RecommendationMetrics : IDisposable
{
    public const string MeterName = "CineSync.Recommendations";

    /// <summary>The model credited when a pick names none.</summary>
    public const string UnknownModel = "unknown";

    /// <summary>The name feedback is counted under once <see cref="MaxRecentModels"/> models have feedback.</summary>
    public const string OtherModels = "other";

    /// <summary>Model names arrive with each call: the recent counts keep at most this many, "other" included, so memory stays bounded.</summary>
    public const int MaxRecentModels = 32;

    private readonly Meter _meter;
    private readonly Counter<long> _ratings;
    private readonly Counter<long> _feedback;
    private readonly TimeProvider _time;
    private readonly RecommendationMetricsOptions _options;
    private readonly RecentCounter _recentRatings;
    private readonly RecentCounter _recentRefusals;
    private readonly RecentCounter _recentFailures;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _failures;
    private readonly ConcurrentDictionary<string, RecentFeedback> _recentFeedback = new(StringComparer.Ordinal);
    private long _active;
    private long _coldStart;

    public RecommendationMetrics(IMeterFactory meterFactory, TimeProvider time, IOptions<RecommendationMetricsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _options = options.Value;
        _recentRatings = new RecentCounter(time, _options.Window, _options.Buckets);
        _recentRefusals = new RecentCounter(time, _options.Window, _options.Buckets);
        _recentFailures = new RecentCounter(time, _options.Window, _options.Buckets);
        _meter = meterFactory.Create(MeterName);
        _ratings = _meter.CreateCounter<long>("cinesync.ratings", description: "Ratings committed");
        _feedback = _meter.CreateCounter<long>("cinesync.feedback", description: "Feedback on recommendations");
        _refusals = _meter.CreateCounter<long>("cinesync.calls.refused", description: "Grain calls that refused bad input (unknown title, invalid stars)");
        _failures = _meter.CreateCounter<long>("cinesync.calls.failed", description: "Grain calls that failed for another reason than bad input");
        _meter.CreateObservableGauge("cinesync.users.active", () => ActiveUsers, description: "User taste grains in memory");
        _meter.CreateObservableGauge("cinesync.users.cold_start", () => ColdStartUsers, description: "User taste grains in memory with fewer than 5 ratings");
    }

    /// <summary>User taste grains in memory on this silo.</summary>
    public long ActiveUsers => Volatile.Read(ref _active);

    /// <summary>Of <see cref="ActiveUsers"/>, those with too few ratings for personal models.</summary>
    public long ColdStartUsers => Volatile.Read(ref _coldStart);

    public void Rated()
    {
        _ratings.Add(1);
        _recentRatings.Add();
    }

    /// <summary>A call refused bad input: the member's typo, counted apart from faults.</summary>
    public void Refused()
    {
        _refusals.Add(1);
        _recentRefusals.Add();
    }

    /// <summary>A call failed for another reason than bad input.</summary>
    public void Failed()
    {
        _failures.Add(1);
        _recentFailures.Add();
    }

    public void Feedback(FeedbackKind kind, string? model)
    {
        var credited = model ?? UnknownModel;
        _feedback.Add(1, new KeyValuePair<string, object?>("kind", FeedbackKinds.ToColumn(kind)), new KeyValuePair<string, object?>("model", credited));
        var recentKey = _recentFeedback.ContainsKey(credited) || _recentFeedback.Count < MaxRecentModels - 1 ? credited : OtherModels;
        _recentFeedback.GetOrAdd(recentKey, static (_, self) => new RecentFeedback(self._time, self._options), this).Add(kind);
    }

    /// <summary>A user grain activated (+1) or deactivated (−1) while cold or personal.</summary>
    public void UserActive(int sign, bool cold)
    {
        Interlocked.Add(ref _active, sign);
        if (cold)
        {
            Interlocked.Add(ref _coldStart, sign);
        }
    }

    /// <summary>A user crossed the cold-start line (left it when <paramref name="nowCold"/> is false).</summary>
    public void ColdStartChanged(bool nowCold) => Interlocked.Add(ref _coldStart, nowCold ? 1 : -1);

    /// <summary>Ratings and feedback within the window; the rate is the window's average, like a load average.</summary>
    public RecentActivity ReadRecent()
    {
        var ratings = _recentRatings.Sum();
        var feedback = _recentFeedback
            .Select(pair => pair.Value.Read(pair.Key))
            .Where(f => f.Likes + f.Dislikes + f.NotInterested + f.Watched > 0)
            .OrderBy(f => f.Model, StringComparer.Ordinal)
            .ToArray();
        return new RecentActivity(_options.Window, ratings, ratings / _options.Window.TotalMinutes, feedback, _recentRefusals.Sum(), _recentFailures.Sum());
    }

    public void Dispose() => _meter.Dispose();

    /// <summary>One model's feedback over the window, one counter per kind.</summary>
    private sealed class RecentFeedback(TimeProvider time, RecommendationMetricsOptions options)
    {
        private readonly RecentCounter[] _byKind = [.. Enum.GetValues<FeedbackKind>().Select(_ => new RecentCounter(time, options.Window, options.Buckets))];

        public void Add(FeedbackKind kind) => _byKind[(int)kind].Add();

        public ModelFeedback Read(string model) => new(
            model,
            _byKind[(int)FeedbackKind.Like].Sum(),
            _byKind[(int)FeedbackKind.Dislike].Sum(),
            _byKind[(int)FeedbackKind.NotInterested].Sum(),
            _byKind[(int)FeedbackKind.Watched].Sum());
    }
}
