using CineSync.Grains.Interfaces;
using CineSync.Recommender.Training;

namespace CineSync.Grains.Training;

/// <content>Candidates for the retraining schedule: trained without some ratings, stored without being made current.</content>
public sealed partial class ModelTrainer
{
    /// <summary>
    /// Trains on everything in the database except <paramref name="heldOut"/> (user, movie) pairs and stores the result as
    /// the next version, not current; <see cref="ModelVersionStamp.None"/> when there is nothing to train on.
    /// </summary>
    internal async Task<ModelVersionStamp> TrainCandidateAsync(BundleTrainingOptions options, IReadOnlySet<(long User, int Movie)> heldOut, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(heldOut);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var ratings = (await LoadRatingsAsync(connection, cancellationToken).ConfigureAwait(false))
            .Where(r => !heldOut.Contains((r.UserId, r.ItemId)))
            .ToList();
        if (ratings.Count == 0)
        {
            return ModelVersionStamp.None;
        }

        var catalog = await LoadCatalogAsync(connection, cancellationToken).ConfigureAwait(false);
        LogTraining(_logger, ratings.Count, catalog.Count);
        var bundle = await Task.Run(() => BundleTrainer.Train(ratings, catalog, options, line => LogProgress(_logger, line)), cancellationToken).ConfigureAwait(false);
        return await _store.SaveAsync(bundle, cancellationToken, makeCurrent: false).ConfigureAwait(false);
    }
}
