using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Diagnostics;

/// <summary>What this silo's users did within <paramref name="Window"/>: ratings and feedback per model.</summary>
/// <param name="Window">The time the counts cover: the configured window, or the silo's age while it is younger.</param>
/// <param name="Ratings">Ratings committed.</param>
/// <param name="RatingsPerMinute">Ratings per minute of <paramref name="Window"/> (a minute at least, so one rating in the first second reads 1/min, not 60).</param>
/// <param name="Feedback">Feedback per model, models with none left out.</param>
internal sealed record RecentActivity(TimeSpan Window, long Ratings, double RatingsPerMinute, IReadOnlyList<ModelFeedback> Feedback);
