using CineSync.Grains.Interfaces;
using CineSync.Recommender.Training;
using Microsoft.Extensions.Logging;

namespace CineSync.Grains.Training;

/// <content>Candidates for the retraining schedule: trained without some ratings, stored without being made current.</content>
public sealed partial class ModelTrainer
{
    /// <summary>
    /// Trains on the database at <paramref name="connectionString"/> and stores the result as the next version without
    /// making it current (the <c>train --candidate</c> command): an experiment can then compare it with the current model.
    /// </summary>
    public static async Task<ModelVersionStamp> TrainCandidateAsync(string connectionString, BundleTrainingOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await using var source = new Hosting.ConnectionStringDataSource(connectionString);
        var database = new Data.GrainsDatabase(source);
        var factory = loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        var trainer = new ModelTrainer(database, new Model.ModelStore(database), factory.CreateLogger<ModelTrainer>());
        return await trainer.TrainCandidateAsync(options, new HashSet<(long, int)>(), cancellationToken).ConfigureAwait(false);
    }

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
        return await _store.SaveCandidateAsync(bundle, cancellationToken).ConfigureAwait(false);
    }
}
