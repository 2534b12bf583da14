using CineSync.Recommender.Data;
using CineSync.Recommender.Models;
using CineSync.Recommender.Training;

namespace CineSync.Recommender.Bundle;

/// <summary>
/// Everything scoring needs, trained once and shipped as one versioned, checksummed file: item id map and filter
/// metadata, popularity, item-kNN neighbour lists, ALS item factors, EASE weights (float16), content vectors, the
/// ensemble's global weights and the metrics measured at training time. Immutable; safe to share across threads.
/// </summary>
public sealed partial class ModelBundle
{
    internal ModelBundle(
        string version,
        DateTimeOffset createdAt,
        IReadOnlyDictionary<string, double> metrics,
        IdMap<int> items,
        ItemFacts facts,
        RatingPolicy policy,
        IReadOnlyList<IScoringModel> models,
        BlendWeights blend)
    {
        Version = version;
        CreatedAt = createdAt;
        Metrics = metrics;
        Items = items;
        Facts = facts;
        Policy = policy;
        Models = models;
        Blend = blend;
    }

    /// <summary>Version label given at training (e.g. a timestamp); workers hot-swap when it changes.</summary>
    public string Version { get; }

    /// <summary>When the bundle was trained.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Metrics measured at training time (validation NDCG@10 and such), by name.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; }

    /// <summary>Names of the models, in ensemble order.</summary>
    public IReadOnlyList<string> ModelNames => Models.Select(m => m.Name).ToArray();

    /// <summary>Global ensemble weight of each model, by name.</summary>
    public IReadOnlyDictionary<string, float> GlobalWeights => Models.Select((m, i) => (m.Name, Weights[i])).ToDictionary(p => p.Name, p => p.Item2);

    /// <summary>Number of catalogue items the bundle can score.</summary>
    public int ItemCount => Items.Count;

    /// <summary>External ids of the items the bundle can score.</summary>
    public IReadOnlyList<int> ItemIds => Items.ExternalIds;

    /// <summary>Dimension of the taste vectors returned by fold-in.</summary>
    public int TasteDimensions => Als.Factors;

    internal IdMap<int> Items { get; }

    internal ItemFacts Facts { get; }

    internal RatingPolicy Policy { get; }

    internal IReadOnlyList<IScoringModel> Models { get; }

    /// <summary>Weights of users with many ratings (all users without buckets).</summary>
    internal float[] Weights => Blend.Weights;

    /// <summary>Ensemble weights, possibly by how many ratings a user has.</summary>
    internal BlendWeights Blend { get; }

    internal AlsModel Als => (AlsModel)Models.First(m => m is AlsModel);

    internal ContentModel Content => (ContentModel)Models.First(m => m is ContentModel);

    internal static ModelBundle Create(ModelSuite suite, BlendWeights blend, IReadOnlyList<ItemMetadata> catalog, RatingPolicy policy, string version, DateTimeOffset createdAt, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(suite);
        return new ModelBundle(version, createdAt, metrics, suite.Data.Items, ItemFacts.Create(suite.Data, catalog), policy, suite.Models, blend);
    }
}
