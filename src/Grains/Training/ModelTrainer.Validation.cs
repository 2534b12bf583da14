using CineSync.Grains.Data;
using CineSync.Grains.Retraining;
using CineSync.Recommender.Data;
using CineSync.Recommender.Engine;
using CineSync.Recommender.Training;
using Microsoft.Extensions.Logging;

namespace CineSync.Grains.Training;

/// <content>
/// Offline validation of a published model: a twin trained with the same options (untuned) on all but each user's
/// newest ratings is scored on them (Recall@10, NDCG@10, coverage@10, <see cref="OfflineComparison"/>), and the figures are
/// stored with the published version. The twin is thrown away; the published model itself saw every rating.
/// </content>
public sealed partial class ModelTrainer
{
    /// <summary>Users with fewer ratings are not validated on: a held-out share of two ratings says little.</summary>
    private const int MinRatingsToValidate = 5;

    /// <summary>Validates version <paramref name="version"/> on the database at <paramref name="connectionString"/> (the <c>train</c> command).</summary>
    public static async Task<IReadOnlyDictionary<string, double>> ValidateAsync(string connectionString, int version, BundleTrainingOptions options, ModelValidationOptions validation, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await using var source = new Hosting.ConnectionStringDataSource(connectionString);
        var database = new GrainsDatabase(source);
        var factory = loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        var trainer = new ModelTrainer(database, new Model.ModelStore(database), factory.CreateLogger<ModelTrainer>());
        return await trainer.ValidateAsync(version, options, validation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Measures and stores version <paramref name="version"/>'s validation figures; empty when there are too few ratings.</summary>
    internal async Task<IReadOnlyDictionary<string, double>> ValidateAsync(int version, BundleTrainingOptions options, ModelValidationOptions validation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(validation);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var ratings = await LoadRatingsAsync(connection, cancellationToken).ConfigureAwait(false);
        var catalog = await LoadCatalogAsync(connection, cancellationToken).ConfigureAwait(false);
        // Per user, the newest share of their ratings (users with at least MinRatings): every user's next titles, not only
        // those of the users who happened to rate last.
        var heldOut = new HashSet<(long User, int Movie)>();
        var users = new List<HeldOutUser>();
        foreach (var user in ratings.GroupBy(r => r.UserId).Where(g => g.Count() >= MinRatingsToValidate).OrderBy(g => g.Key).Take(validation.MaxUsers))
        {
            var newest = user.OrderByDescending(r => r.Timestamp).ThenBy(r => r.ItemId).Take(Math.Max(1, (int)Math.Round(user.Count() * validation.HoldOutShare))).ToList();
            var liked = newest.Where(r => r.Value >= OfflineComparison.LikedAtOrAbove).Select(r => r.ItemId).ToHashSet();
            heldOut.UnionWith(newest.Select(r => (r.UserId, r.ItemId)));
            if (liked.Count > 0)
            {
                users.Add(new HeldOutUser([.. user.Where(r => !newest.Contains(r)).Select(r => new UserRating(r.ItemId, r.Value, r.Timestamp))], liked));
            }
        }

        var train = ratings.Where(r => !heldOut.Contains((r.UserId, r.ItemId))).ToList();
        if (users.Count == 0)
        {
            return new Dictionary<string, double>();
        }

        LogValidating(_logger, version, train.Count, users.Count);
        var twin = await Task.Run(() => BundleTrainer.Train(train, catalog, options with { Tune = false }), cancellationToken).ConfigureAwait(false);
        var (recall, ndcg, coverage) = await Task.Run(() => OfflineComparison.Evaluate(new RecommenderEngine(twin), users), cancellationToken).ConfigureAwait(false);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["recall@10"] = recall,
            ["ndcg@10"] = ndcg,
            ["coverage@10"] = coverage,
            ["evaluated_users"] = users.Count,
            ["validation_share"] = validation.HoldOutShare,
        };
        await new RetrainingStore(_database).AddModelMetricsAsync(version, metrics, cancellationToken).ConfigureAwait(false);
        LogValidated(_logger, version, recall, ndcg, coverage);
        return metrics;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Validating model version {Version}: a twin trained on the oldest {Ratings} ratings is scored on the newest ratings of {Users} users")]
    private static partial void LogValidating(ILogger logger, int version, int ratings, int users);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model version {Version} on its validation split: Recall@10 {Recall:0.0000}, NDCG@10 {Ndcg:0.0000}, coverage@10 {Coverage:0.0000}")]
    private static partial void LogValidated(ILogger logger, int version, double recall, double ndcg, double coverage);
}
