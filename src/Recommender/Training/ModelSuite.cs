using System.Diagnostics;
using CineSync.Recommender.Data;
using CineSync.Recommender.Models;

namespace CineSync.Recommender.Training;

/// <summary>All models trained on one training set, with the time each took.</summary>
internal sealed class ModelSuite
{
    public const string Popularity = "pop";
    public const string Knn = "knn";
    public const string Als = "als";
    public const string Ease = "ease";
    public const string Content = "content";

    /// <summary>Model names in ensemble order.</summary>
    public static readonly string[] Names = [Popularity, Knn, Als, Ease, Content];

    /// <summary>Ensemble weights used without tuning (EASE-led, as it wins on MovieLens).</summary>
    public static float[] DefaultWeights => [0f, 0.1f, 0.5f, 1f, 0.1f];

    private ModelSuite(TrainingData data, IReadOnlyList<IScoringModel> models, IReadOnlyDictionary<string, double> seconds)
    {
        Data = data;
        Models = models;
        TrainSeconds = seconds;
    }

    public TrainingData Data { get; }

    /// <summary>Models in the order of <see cref="Names"/>.</summary>
    public IReadOnlyList<IScoringModel> Models { get; }

    public IReadOnlyDictionary<string, double> TrainSeconds { get; }

    public IScoringModel this[string name] => Models[Array.IndexOf(Names, name)];

    public static ModelSuite Train(TrainingData data, IReadOnlyList<ItemMetadata> catalog, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var seconds = new Dictionary<string, double>();
        var policy = options.PolicyOrDefault;
        var models = new IScoringModel[]
        {
            Timed(seconds, Popularity, () => PopularityModel.Fit(data, options.PopularityHalfLifeDays)),
            Timed(seconds, Knn, () => ItemKnnModel.Fit(data, options.KnnNeighbours, options.KnnShrink, options.MaxParallelism)),
            Timed(seconds, Als, () => AlsModel.Fit(data, options.AlsOrDefault, policy, options.MaxParallelism)),
            Timed(seconds, Ease, () => EaseModel.Fit(data, options.EaseHeadSize, options.EaseLambda, options.MaxParallelism)),
            Timed(seconds, Content, () => ContentModel.Fit(data.Items, catalog, options.ContentOrDefault)),
        };
        return new ModelSuite(data, models, seconds);
    }

    internal static T Timed<T>(Dictionary<string, double> seconds, string name, Func<T> fit)
    {
        var watch = Stopwatch.StartNew();
        var model = fit();
        seconds[name] = watch.Elapsed.TotalSeconds;
        return model;
    }
}
