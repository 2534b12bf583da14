namespace CineSync.Dashboard;

/// <summary>
/// Tells the recommendation-health page which model this silo serves. The silo implements it (over its
/// ModelGrain workers or the trained-models table); optional.
/// </summary>
public interface IModelInfoSource
{
    /// <summary>The model currently served, or <c>null</c> if none is loaded. Called about once a second; keep it cheap.</summary>
    ValueTask<ModelInfo?> GetCurrentModelAsync(CancellationToken cancellationToken);
}

/// <summary>A trained model bundle and its offline evaluation.</summary>
/// <param name="Version">The bundle's version label.</param>
/// <param name="TrainedAt">When it was trained, if known.</param>
/// <param name="OfflineMetrics">Offline metrics by name (for example <c>ndcg@10</c>, <c>recall@20</c>).</param>
public sealed record ModelInfo(string Version, DateTimeOffset? TrainedAt, IReadOnlyDictionary<string, double> OfflineMetrics);
