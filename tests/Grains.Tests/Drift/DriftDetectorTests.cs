using CineSync.Grains.Data;
using CineSync.Grains.Drift;
using CineSync.Grains.Hosting;
using CineSync.Grains.Interfaces;
using CineSync.Grains.Model;
using Npgsql;

namespace CineSync.Grains.Tests.Drift;

/// <summary>
/// Drift against a small synthetic world in its own database: 40 titles in four genres, 100 corpus users who rated
/// every title, and a model trained on 1 January 2030. Users' recent ratings are then written at chosen times.
/// </summary>
public sealed class DriftDetectorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset TrainedAt = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DriftOptions Options = new() { MinRecentRatings = 100, Threshold = 0.25, RecentWindow = TimeSpan.FromDays(7) };

    private string _connectionString = "";
    private ConnectionStringDataSource _source = null!;
    private DriftDetector _detector = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabases.CreateAsync("drift", """
            INSERT INTO movies (movie_id, title, genres, popularity)
            SELECT i, 'Film ' || i, CASE i % 4 WHEN 0 THEN ARRAY['Drama'] WHEN 1 THEN ARRAY['Comedy'] WHEN 2 THEN ARRAY['Horror'] ELSE ARRAY['Action'] END, i * 5
            FROM generate_series(1, 40) AS i;
            INSERT INTO corpus_ratings (dataset, user_id, movie_id, rating, rated_at)
            SELECT 'synthetic', u, m, 0.5 + ((u + m) % 10) * 0.5, '2020-01-01'
            FROM generate_series(1, 100) AS u, generate_series(1, 40) AS m;
            INSERT INTO trained_models (version, created_at, checksum, artifact, is_current) VALUES (1, '2030-01-01T00:00:00Z', 'synthetic', '\x00', true);
            """);
        _source = new ConnectionStringDataSource(_connectionString);
        var database = new GrainsDatabase(_source);
        _detector = new DriftDetector(new DriftStore(database), new ModelStore(database));
    }

    [Fact]
    public async Task Users_who_rate_like_the_training_data_show_no_drift()
    {
        // Five users rate every title exactly as the corpus users do, a day after training.
        await ExecuteAsync("""
            INSERT INTO user_ratings (user_id, movie_id, rating, rated_at)
            SELECT 9000 + u, m, 0.5 + ((u + m) % 10) * 0.5, '2030-01-02' FROM generate_series(1, 5) AS u, generate_series(1, 40) AS m
            """);

        var report = await _detector.DetectAsync(TrainedAt.AddDays(3), Options);

        Assert.Equal((DriftReport.Stable, 1, 4000L, 200L), (report.Status, report.ModelVersion, report.ReferenceRatings, report.RecentRatings));
        Assert.Equal(["genre", "popularity", "rating"], report.Dimensions.Select(d => d.Name));
        Assert.All(report.Dimensions, d => Assert.True(d.Psi < 0.01, $"{d.Name}: {d.Psi}"));
    }

    [Fact]
    public async Task A_server_rating_only_horror_and_low_drifts_in_genre_and_rating_values_but_not_popularity()
    {
        // A month later, 200 ratings of every horror title (all popularity bands alike), all one star.
        await ExecuteAsync("""
            INSERT INTO user_ratings (user_id, movie_id, rating, rated_at)
            SELECT 9100 + u, m, 1.0, '2030-02-01' FROM generate_series(1, 20) AS u, generate_series(1, 40) AS m WHERE m % 4 = 2
            """);

        var report = await _detector.DetectAsync(new DateTimeOffset(2030, 2, 3, 0, 0, 0, TimeSpan.Zero), Options);

        Assert.Equal((DriftReport.Drifted, 200L), (report.Status, report.RecentRatings));
        var genre = report.Dimensions.Single(d => d.Name == "genre");
        Assert.True(genre.Drifted);
        Assert.Equal(("Horror", 0.25, 1.0), (genre.Buckets[0].Name, genre.Buckets[0].Reference, genre.Buckets[0].Recent));
        Assert.True(report.Dimensions.Single(d => d.Name == "rating").Drifted);
        Assert.False(report.Dimensions.Single(d => d.Name == "popularity").Drifted);
    }

    [Fact]
    public async Task Fewer_recent_ratings_than_the_minimum_say_nothing_about_drift()
    {
        await ExecuteAsync("INSERT INTO user_ratings (user_id, movie_id, rating, rated_at) SELECT 9200, m, 5.0, '2030-03-01' FROM generate_series(1, 10) AS m");

        var report = await _detector.DetectAsync(new DateTimeOffset(2030, 3, 2, 0, 0, 0, TimeSpan.Zero), Options);

        Assert.Equal(("too few recent ratings", 10L), (report.Status, report.RecentRatings));
        Assert.Empty(report.Dimensions);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await _source.DisposeAsync();
}
