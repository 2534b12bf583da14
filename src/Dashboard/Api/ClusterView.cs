namespace CineSync.Dashboard.Api;

/// <summary>The body of <c>GET /dashboard/api/cluster</c>: the cluster's totals, then each silo as it reported itself.</summary>
/// <param name="SampledAt">When the page's silo gathered the answers.</param>
/// <param name="Totals">Sums over the silos that answered.</param>
/// <param name="Models">👍/👎 per model, summed over the silos that answered.</param>
/// <param name="CurrentModel">The newest model any silo serves, with its offline metrics; null when none serves one.</param>
/// <param name="ModelVersions">Every model label served (more than one while silos switch to a new model).</param>
/// <param name="Silos">Every active member, answered or not.</param>
internal sealed record ClusterView(
    DateTimeOffset SampledAt,
    ClusterTotals Totals,
    IReadOnlyList<ModelFeedbackView> Models,
    CurrentModelView? CurrentModel,
    IReadOnlyList<string> ModelVersions,
    IReadOnlyList<SiloView> Silos);

/// <summary>Cluster totals.</summary>
/// <param name="Silos">Active members.</param>
/// <param name="Reachable">Of them, those that answered.</param>
/// <param name="WindowSeconds">The longest window a silo's recent counts cover.</param>
/// <param name="Ratings">Ratings within the window.</param>
/// <param name="RatingsPerMinute">The sum of each silo's ratings per minute.</param>
/// <param name="ActiveUsers">User grains in memory.</param>
/// <param name="ColdStartUsers">Of them, in cold start.</param>
/// <param name="Likes">👍 within the window.</param>
/// <param name="Dislikes">👎 within the window.</param>
/// <param name="LikeShare">👍 ÷ (👍 + 👎); null without either.</param>
/// <param name="Refusals">Calls within the window that refused bad input (unknown titles, invalid stars): not faults.</param>
/// <param name="Failures">Calls within the window that failed for another reason: the faults.</param>
internal sealed record ClusterTotals(int Silos, int Reachable, double WindowSeconds, long Ratings, double RatingsPerMinute, long ActiveUsers, long ColdStartUsers, long Likes, long Dislikes, double? LikeShare, long Refusals = 0, long Failures = 0);

/// <summary>Feedback on one model's picks.</summary>
internal sealed record ModelFeedbackView(string Model, long Likes, long Dislikes, long NotInterested, long Watched, double? LikeShare);

/// <summary>A served model and its offline evaluation.</summary>
/// <param name="Version">Its <c>trained_models.version</c>.</param>
/// <param name="Label">Its version label.</param>
/// <param name="TrainedAt">When it was trained.</param>
/// <param name="OfflineMetrics">Metrics measured at training, by name.</param>
/// <param name="Titles">Titles it can score.</param>
/// <param name="ServedBy">The silos serving it.</param>
internal sealed record CurrentModelView(int Version, string Label, DateTimeOffset TrainedAt, IReadOnlyDictionary<string, double> OfflineMetrics, int Titles, IReadOnlyList<string> ServedBy);

/// <summary>One silo's row.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Address">Its address.</param>
/// <param name="StartedAt">When it started (membership).</param>
/// <param name="Reachable">Whether it answered.</param>
/// <param name="Error">Why not.</param>
/// <param name="Roles">Its roles.</param>
/// <param name="ModelLabel">The model it serves; null on silos without one.</param>
/// <param name="ModelVersion">Its version number.</param>
/// <param name="WindowSeconds">The window its recent counts cover.</param>
/// <param name="Ratings">Ratings within it.</param>
/// <param name="RatingsPerMinute">Ratings per minute.</param>
/// <param name="ActiveUsers">User grains in memory.</param>
/// <param name="ColdStartUsers">Of them, in cold start.</param>
/// <param name="Likes">👍 within the window.</param>
/// <param name="Dislikes">👎 within the window.</param>
/// <param name="LikeShare">👍 ÷ (👍 + 👎).</param>
internal sealed record SiloView(
    string Name,
    string Address,
    DateTimeOffset StartedAt,
    bool Reachable,
    string? Error,
    IReadOnlyList<string> Roles,
    string? ModelLabel,
    int? ModelVersion,
    double WindowSeconds,
    long Ratings,
    double RatingsPerMinute,
    long ActiveUsers,
    long ColdStartUsers,
    long Likes,
    long Dislikes,
    double? LikeShare);
