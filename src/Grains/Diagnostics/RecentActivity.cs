using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Diagnostics;

/// <summary>What this silo's users did within <paramref name="Window"/>: ratings and feedback per model.</summary>
/// <param name="Window">The window (<see cref="RecommendationMetricsOptions.Window"/>).</param>
/// <param name="Ratings">Ratings committed within it.</param>
/// <param name="RatingsPerMinute"><paramref name="Ratings"/> ÷ the window's minutes (so a silo younger than the window reads low until it has run that long).</param>
/// <param name="Feedback">Feedback per model, models with none left out.</param>
/// <param name="Refusals">Calls that refused bad input.</param>
/// <param name="Failures">Calls that failed otherwise.</param>
internal sealed record RecentActivity(TimeSpan Window, long Ratings, double RatingsPerMinute, IReadOnlyList<ModelFeedback> Feedback, long Refusals = 0, long Failures = 0);
