using System.Globalization;
using CineSync.Recommender.Bundle;
using CineSync.Recommender.Data;
using CineSync.Recommender.Evaluation;
using CineSync.Recommender.Models;

namespace CineSync.Recommender.Training;

/// <summary>Trains every model on a rating corpus and packs them into a <see cref="ModelBundle"/>.</summary>
public static class BundleTrainer
{
    /// <summary>RP3β neighbours kept per item in a bundle: 100 keeps a 10k-item bundle under 60 MB (offline evaluation keeps 200).</summary>
    private const int BundleRp3Neighbours = 100;

    /// <summary>
    /// Trains a bundle. With tuning, hyperparameters and ensemble weights are chosen on a temporal validation split of
    /// <paramref name="ratings"/>, then every model is retrained on all of them. Deterministic for a given seed.
    /// </summary>
    /// <param name="ratings">All ratings (MovieLens corpus plus the bot users' ratings).</param>
    /// <param name="catalog">Catalogue items with genres, years, tags and people.</param>
    /// <param name="options">Training options.</param>
    /// <param name="log">Receives progress lines; may be null.</param>
    public static ModelBundle Train(IReadOnlyList<RatingRecord> ratings, IReadOnlyList<ItemMetadata> catalog, BundleTrainingOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        log ??= _ => { };
        var policy = new RatingPolicy(options.DislikeAtOrBelow, 1f, Math.Max(1f, ratings.Count == 0 ? 5f : ratings.Max(r => r.Value)));
        var training = new TrainingOptions(
            Als: new AlsOptions(options.Factors, options.Iterations, Seed: options.Seed),
            EaseHeadSize: options.EaseHeadSize,
            Rp3Neighbours: BundleRp3Neighbours,
            Policy: policy,
            MaxParallelism: options.MaxParallelism);
        var blend = BlendWeights.Global(ModelSuite.DefaultWeights);
        var metrics = new Dictionary<string, double>();
        if (options.Tune)
        {
            var tuned = Tuner.Tune(ratings, catalog, training, new EvaluationOptions(Seed: options.Seed), TuningGrid.Serving, (SplitKind.Temporal, 0.2), log);
            training = tuned.Options;
            blend = tuned.Blend;
            foreach (var (name, value) in tuned.Validation)
            {
                metrics[name] = value;
            }
        }

        var data = TrainingData.Create(ratings, catalog);
        var suite = ModelSuite.Train(data, catalog, training);
        foreach (var (name, seconds) in suite.TrainSeconds)
        {
            metrics[$"train_seconds_{name}"] = seconds;
        }

        var now = options.Time.GetUtcNow();
        var version = options.Version ?? now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        log($"trained bundle {version}: {data.UserCount} users, {data.ItemCount} items, {data.UserItems.NonZeros} ratings");
        return ModelBundle.Create(suite, blend, catalog, policy, version, now, metrics);
    }
}
