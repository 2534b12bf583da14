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
    public const string Edlae = "edlae";
    public const string Rp3Beta = Rp3BetaModel.Name;

    /// <summary>Model names in ensemble order.</summary>
    public static readonly string[] Names = [Popularity, Knn, Als, Ease, Content, Edlae, Rp3Beta];

    /// <summary>Ensemble weights used without tuning (EASE-led, as it wins on MovieLens).</summary>
    public static float[] DefaultWeights => [0f, 0.1f, 0.5f, 1f, 0.1f, 0.5f, 0.25f];

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
        var gramWatch = Stopwatch.StartNew();
        var gram = ItemGram.Create(data, options.EaseHeadSize, options.MaxParallelism);
        var gramSeconds = gramWatch.Elapsed.TotalSeconds;
        var models = new IScoringModel[]
        {
            Timed(seconds, Popularity, () => PopularityModel.Fit(data, options.PopularityHalfLifeDays)),
            Timed(seconds, Knn, () => ItemKnnModel.Fit(data, options.KnnNeighbours, options.KnnShrink, options.MaxParallelism)),
            Timed(seconds, Als, () => AlsModel.Fit(data, options.AlsOrDefault, policy, options.MaxParallelism)),
            Timed(seconds, Ease, () => EaseModel.Fit(gram, options.EaseLambda, 0f, Ease, options.MaxParallelism)),
            Timed(seconds, Content, () => ContentModel.Fit(data.Items, catalog, options.ContentOrDefault)),
            Timed(seconds, Edlae, () => EaseModel.Fit(gram, options.EdlaeLambda, options.EdlaeDropout, Edlae, options.MaxParallelism)),
            Timed(seconds, Rp3Beta, () => Rp3BetaModel.Fit(data, options.Rp3Alpha, options.Rp3Beta, options.Rp3Neighbours, options.MaxParallelism)),
        };

        // The shared Gram matrix is charged half to each closed-form model.
        seconds[Ease] += gramSeconds / 2;
        seconds[Edlae] += gramSeconds / 2;
        return new ModelSuite(data, models, seconds);
    }

    /// <summary>Whether a model can score this data: content needs a catalogue with features.</summary>
    public bool Usable(int model) => Models[model] is not ContentModel content || content.FeatureCount > 0;

    /// <summary>A suite of models already trained on <paramref name="data"/> (during tuning), in <see cref="Names"/> order.</summary>
    public static ModelSuite From(TrainingData data, IReadOnlyList<IScoringModel> models)
        => new(data, models, Names.ToDictionary(n => n, _ => 0.0));

    internal static T Timed<T>(Dictionary<string, double> seconds, string name, Func<T> fit)
    {
        var watch = Stopwatch.StartNew();
        var model = fit();
        seconds[name] = watch.Elapsed.TotalSeconds;
        return model;
    }
}
