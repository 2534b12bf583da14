using System.Diagnostics.Metrics;
using CineSync.Grains.Diagnostics;
using CineSync.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CineSync.Grains.Tests;

/// <summary>The per-silo "recent" figures the dashboard shows: counts over a moving window, on an injected clock.</summary>
public sealed class RecentActivityTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Ratings_older_than_the_window_stop_counting()
    {
        using var metrics = Create();
        Rate(metrics, 3);
        _time.Advance(TimeSpan.FromMinutes(2));
        Rate(metrics, 2);
        Assert.Equal(5, metrics.ReadRecent().Ratings);

        _time.Advance(TimeSpan.FromMinutes(3.5));
        Assert.Equal(2, metrics.ReadRecent().Ratings);

        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, metrics.ReadRecent().Ratings);
        Assert.Equal(0, metrics.ReadRecent().RatingsPerMinute);
    }

    [Fact]
    public void Ratings_per_minute_are_the_average_over_the_window()
    {
        using var metrics = Create();
        Rate(metrics, 6);
        _time.Advance(TimeSpan.FromMinutes(2));
        Rate(metrics, 4);

        var recent = metrics.ReadRecent();
        Assert.Equal(TimeSpan.FromMinutes(5), recent.Window);
        Assert.Equal(10, recent.Ratings);
        Assert.Equal(2.0, recent.RatingsPerMinute, precision: 9);

        _time.Advance(TimeSpan.FromMinutes(3.5));
        Assert.Equal(0.8, metrics.ReadRecent().RatingsPerMinute, precision: 9);
    }

    [Fact]
    public void Feedback_is_counted_per_model_within_the_window()
    {
        using var metrics = Create();
        metrics.Feedback(FeedbackKind.Like, "als");
        metrics.Feedback(FeedbackKind.Like, "als");
        metrics.Feedback(FeedbackKind.Dislike, "als");
        metrics.Feedback(FeedbackKind.Like, "ease");
        metrics.Feedback(FeedbackKind.Watched, null);

        var feedback = metrics.ReadRecent().Feedback;
        Assert.Equal(["als", "ease", RecommendationMetrics.UnknownModel], feedback.Select(f => f.Model));
        Assert.Equal(new ModelFeedback("als", 2, 1, 0, 0), feedback[0]);
        Assert.Equal(new ModelFeedback("ease", 1, 0, 0, 0), feedback[1]);
        Assert.Equal(new ModelFeedback(RecommendationMetrics.UnknownModel, 0, 0, 0, 1), feedback[2]);

        _time.Advance(TimeSpan.FromMinutes(6));
        metrics.Feedback(FeedbackKind.Dislike, "ease");
        Assert.Equal([new ModelFeedback("ease", 0, 1, 0, 0)], metrics.ReadRecent().Feedback);
    }

    [Fact]
    public void Endless_model_names_share_one_bucket_once_the_cap_is_reached()
    {
        using var metrics = Create();
        for (var i = 0; i < RecommendationMetrics.MaxRecentModels + 8; i++) // 31 models kept, 9 lumped
        {
            metrics.Feedback(FeedbackKind.Like, $"model-{i}");
        }

        var feedback = metrics.ReadRecent().Feedback;
        Assert.Equal(RecommendationMetrics.MaxRecentModels, feedback.Count);
        Assert.Equal(9, Assert.Single(feedback, f => f.Model == RecommendationMetrics.OtherModels).Likes);
    }

    [Fact]
    public void Active_and_cold_start_users_follow_activations_and_the_cold_start_line()
    {
        using var metrics = Create();
        metrics.UserActive(1, cold: true);
        metrics.UserActive(1, cold: true);
        metrics.UserActive(1, cold: false);
        metrics.ColdStartChanged(nowCold: false);

        Assert.Equal(3, metrics.ActiveUsers);
        Assert.Equal(1, metrics.ColdStartUsers);

        metrics.UserActive(-1, cold: true);
        Assert.Equal(2, metrics.ActiveUsers);
        Assert.Equal(0, metrics.ColdStartUsers);
    }

    public void Dispose() => _services.Dispose();

    private RecommendationMetrics Create() => new(
        _services.GetRequiredService<IMeterFactory>(),
        _time,
        Options.Create(new RecommendationMetricsOptions { Window = TimeSpan.FromMinutes(5), Buckets = 30 }));

    private static void Rate(RecommendationMetrics metrics, int count)
    {
        for (var i = 0; i < count; i++)
        {
            metrics.Rated();
        }
    }
}
