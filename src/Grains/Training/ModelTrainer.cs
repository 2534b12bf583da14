using CineSync.Grains.Data;
using CineSync.Grains.Hosting;
using CineSync.Grains.Interfaces;
using CineSync.Grains.Model;
using CineSync.Recommender.Data;
using CineSync.Recommender.Training;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CineSync.Grains.Training;

/// <summary>
/// Trains a model bundle from the database — the imported corpus (<c>corpus_ratings</c>) plus Discord users' ratings
/// (<c>user_ratings</c>), with genres, tags and people for the content model — stores it in <c>trained_models</c> as
/// the next version and makes it current. Workers pick it up at their next registry check.
/// </summary>
public sealed partial class ModelTrainer
{
    private readonly GrainsDatabase _database;
    private readonly ModelStore _store;
    private readonly ILogger<ModelTrainer> _logger;

    internal ModelTrainer(GrainsDatabase database, ModelStore store, ILogger<ModelTrainer> logger)
    {
        _database = database;
        _store = store;
        _logger = logger;
    }

    /// <summary>
    /// Trains on the database at <paramref name="connectionString"/> and publishes the result, outside any silo (a
    /// <c>train</c> command). Running silos pick the new version up at their next registry check.
    /// </summary>
    public static async Task<ModelVersionStamp> TrainAndPublishAsync(string connectionString, BundleTrainingOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await using var source = new ConnectionStringDataSource(connectionString);
        var database = new GrainsDatabase(source);
        var factory = loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        var trainer = new ModelTrainer(database, new ModelStore(database), factory.CreateLogger<ModelTrainer>());
        return await trainer.TrainAndPublishAsync(options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether any trained model is stored.</summary>
    public async Task<bool> HasModelAsync(CancellationToken cancellationToken = default) =>
        (await _store.GetCurrentAsync(cancellationToken).ConfigureAwait(false)).Version > 0;

    /// <summary>Trains on everything in the database and publishes the result as the current version.</summary>
    /// <returns>The published version, or <see cref="ModelVersionStamp.None"/> when there are no ratings to train on.</returns>
    public async Task<ModelVersionStamp> TrainAndPublishAsync(BundleTrainingOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var ratings = await LoadRatingsAsync(connection, cancellationToken).ConfigureAwait(false);
        if (ratings.Count == 0)
        {
            LogNothingToTrain(_logger);
            return ModelVersionStamp.None;
        }

        var catalog = await LoadCatalogAsync(connection, cancellationToken).ConfigureAwait(false);
        LogTraining(_logger, ratings.Count, catalog.Count);
        var bundle = await Task.Run(() => BundleTrainer.Train(ratings, catalog, options, line => LogProgress(_logger, line)), cancellationToken).ConfigureAwait(false);
        var stamp = await _store.SaveAsync(bundle, cancellationToken).ConfigureAwait(false);
        LogPublished(_logger, stamp.Version, stamp.Label);
        return stamp;
    }

    private static async Task<List<RatingRecord>> LoadRatingsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var ratings = new List<RatingRecord>();

        // Corpus users get negative ids (one block per data set) so they never meet a Discord snowflake.
        await using (var command = new NpgsqlCommand("""
            SELECT dense_rank() OVER (ORDER BY dataset), user_id, movie_id, rating, extract(epoch FROM rated_at)::bigint FROM corpus_ratings
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var user = -((reader.GetInt64(0) << 32) | (uint)reader.GetInt32(1)) - 1;
                ratings.Add(new RatingRecord(user, reader.GetInt32(2), reader.GetFloat(3), reader.GetInt64(4)));
            }
        }

        await using (var command = new NpgsqlCommand("SELECT user_id, movie_id, rating::real, extract(epoch FROM rated_at)::bigint FROM user_ratings", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ratings.Add(new RatingRecord(reader.GetInt64(0), reader.GetInt32(1), reader.GetFloat(2), reader.GetInt64(3)));
            }
        }

        return ratings;
    }

    private static async Task<List<ItemMetadata>> LoadCatalogAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var catalog = new List<ItemMetadata>();
        await using var command = new NpgsqlCommand("""
            SELECT m.movie_id, m.title, m.year, m.genres,
                   coalesce((SELECT array_agg(DISTINCT lower(t.tag)) FROM movie_tags t WHERE t.movie_id = m.movie_id), '{}'),
                   coalesce((SELECT array_agg(p.name ORDER BY p.name) FROM movie_people mp JOIN people p USING (person_id) WHERE mp.movie_id = m.movie_id AND mp.role = 'director'), '{}'),
                   coalesce((SELECT array_agg(p.name ORDER BY mp.billing) FROM movie_people mp JOIN people p USING (person_id) WHERE mp.movie_id = m.movie_id AND mp.role = 'actor' AND mp.billing <= 5), '{}')
            FROM movies m
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            catalog.Add(new ItemMetadata(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetInt16(2),
                reader.GetFieldValue<string[]>(3),
                reader.GetFieldValue<string[]>(4),
                reader.GetFieldValue<string[]>(5),
                reader.GetFieldValue<string[]>(6)));
        }

        return catalog;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training a model bundle on {Ratings} ratings and {Titles} titles")]
    private static partial void LogTraining(ILogger logger, int ratings, int titles);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training: {Line}")]
    private static partial void LogProgress(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published trained model version {Version} ({Label})")]
    private static partial void LogPublished(ILogger logger, int version, string label);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No ratings in the database yet: nothing to train a model on")]
    private static partial void LogNothingToTrain(ILogger logger);
}
