using System.Diagnostics.Metrics;
using CineSync.Grains.Data;
using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Diagnostics;

/// <summary>
/// Meter <c>CineSync.Recommendations</c>, read by the dashboard: <c>cinesync.ratings</c> and <c>cinesync.feedback</c>
/// (tags <c>kind</c>, <c>model</c>) counters, and gauges of user grains in memory (<c>cinesync.users.active</c>) and,
/// among them, those still in cold start (<c>cinesync.users.cold_start</c>, fewer than 5 ratings).
/// </summary>
internal sealed class RecommendationMetrics : IDisposable
{
    public const string MeterName = "CineSync.Recommendations";

    private readonly Meter _meter;
    private readonly Counter<long> _ratings;
    private readonly Counter<long> _feedback;
    private long _active;
    private long _coldStart;

    public RecommendationMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _ratings = _meter.CreateCounter<long>("cinesync.ratings", description: "Ratings committed");
        _feedback = _meter.CreateCounter<long>("cinesync.feedback", description: "Feedback on recommendations");
        _meter.CreateObservableGauge("cinesync.users.active", () => Volatile.Read(ref _active), description: "User taste grains in memory");
        _meter.CreateObservableGauge("cinesync.users.cold_start", () => Volatile.Read(ref _coldStart), description: "User taste grains in memory with fewer than 5 ratings");
    }

    public void Rated() => _ratings.Add(1);

    public void Feedback(FeedbackKind kind, string? model) =>
        _feedback.Add(1, new KeyValuePair<string, object?>("kind", FeedbackKinds.ToColumn(kind)), new KeyValuePair<string, object?>("model", model ?? "unknown"));

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

    public void Dispose() => _meter.Dispose();
}
