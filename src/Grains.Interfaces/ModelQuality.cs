using Orleans.Concurrency;

namespace CineSync.Grains.Interfaces;

/// <summary>The current model's offline quality as stored with it in <c>trained_models</c> (use key 0).</summary>
[Alias("cinesync.ModelQualityGrain")]
public interface IModelQualityGrain : IGrainWithIntegerKey
{
    /// <summary>The current model and its stored metrics; version 0 when none is trained.</summary>
    [ReadOnly]
    [Alias("GetCurrentAsync")]
    Task<ModelQuality> GetCurrentAsync();
}

/// <summary>A trained model's stored metrics: training times, validation figures when tuned, and Recall@10, NDCG@10 and coverage@10 on held-out recent ratings once the retraining schedule evaluated it.</summary>
/// <param name="Version">Its <c>trained_models.version</c>.</param>
/// <param name="Label">Its version label.</param>
/// <param name="TrainedAt">When it was trained.</param>
/// <param name="Metrics">Every numeric metric stored with it, by name.</param>
[GenerateSerializer, Immutable, Alias("cinesync.ModelQuality")]
public sealed record ModelQuality([property: Id(0)] int Version, [property: Id(1)] string Label, [property: Id(2)] DateTimeOffset TrainedAt, [property: Id(3)] IReadOnlyDictionary<string, double> Metrics);
