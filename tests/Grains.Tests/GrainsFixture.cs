using CineSync.Database.Import;
using CineSync.Grains.Interfaces;
using CineSync.Recommender.Training;
using CineSync.Testing;
using Npgsql;

namespace CineSync.Grains.Tests;

/// <summary>
/// One database with ml-latest-small imported and one small model trained, shared by every test (training once keeps
/// the project fast); an Orleans test silo with every role and ADO.NET grain storage in PostgreSQL over it. Tests use distinct user ids.
/// </summary>
public sealed class GrainsFixture : IAsyncLifetime
{
    /// <summary>Small and fast, still personal enough for the behaviour tests.</summary>
    public static readonly BundleTrainingOptions Training = new() { Tune = false, Factors = 24, Iterations = 6, EaseHeadSize = 800, Seed = 7, MaxParallelism = 2 };

    private long _nextUser = 1_000_000_000_000;

    public string ConnectionString { get; private set; } = "";

    public CineSyncTestCluster Silo { get; private set; } = null!;

    public CatalogueProbe Catalogue { get; private set; } = null!;

    /// <summary>A Discord-like user id no other test uses.</summary>
    public long NewUserId() => Interlocked.Increment(ref _nextUser);

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabases.CreateAsync("grains");
        await new CatalogImporter(ConnectionString).ImportMovieLensLatestAsync(SharedPaths.Data("ml-latest-small"));
        Silo = await StartSiloAsync();
        await CineSync.Grains.Training.ModelTrainer.TrainAndPublishAsync(ConnectionString, Training);
        Catalogue = await CatalogueProbe.LoadAsync(ConnectionString);
    }

    /// <summary>Starts a silo over the shared database (tests that restart a silo start their own).</summary>
    public Task<CineSyncTestCluster> StartSiloAsync() => TestDatabases.StartSiloAsync(ConnectionString, o =>
    {
        o.TrendingCacheAge = TimeSpan.Zero;
        o.ModelCheckPeriod = TimeSpan.FromMilliseconds(100);
    });

    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GrainsCollection : ICollectionFixture<GrainsFixture>
{
    public const string Name = "grains";
}

/// <summary>Picks titles by genre straight from the movies table (independently of the grains under test).</summary>
public sealed class CatalogueProbe
{
    private readonly List<(int Id, string[] Genres, int Popularity)> _movies;

    private CatalogueProbe(List<(int, string[], int)> movies) => _movies = movies;

    public static async Task<CatalogueProbe> LoadAsync(string connectionString)
    {
        var movies = new List<(int, string[], int)>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT movie_id, genres, popularity::int FROM movies ORDER BY popularity DESC, movie_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            movies.Add((reader.GetInt32(0), reader.GetFieldValue<string[]>(1), reader.GetInt32(2)));
        }

        return new CatalogueProbe(movies);
    }

    /// <summary>The most popular titles with <paramref name="genre"/> and none of <paramref name="without"/>, skipping the first <paramref name="skip"/>.</summary>
    public int[] Popular(string genre, string without, int count, int skip = 0, params string[] alsoWithout) =>
        [.. _movies.Where(m => m.Genres.Contains(genre) && !m.Genres.Contains(without) && !alsoWithout.Any(m.Genres.Contains)).Skip(skip).Take(count).Select(m => m.Id)];

    /// <summary>Five popular titles that are clearly thrillers (no romance, comedy, sci-fi or family adventure).</summary>
    public int[] Thrillers => Popular("Thriller", "Romance", 5, 0, "Comedy", "Sci-Fi", "Adventure", "Children");

    /// <summary>Five popular titles that are clearly romances (no thriller, crime or action).</summary>
    public int[] Romances => Popular("Romance", "Thriller", 5, 0, "Crime", "Action");

    public bool Has(int movieId, string genre) => _movies.Any(m => m.Id == movieId && m.Genres.Contains(genre));
}

/// <summary>Rating helpers.</summary>
internal static class Users
{
    private static int _sets;

    /// <summary>
    /// Rates six popular dramas, a different six on each call (so tests that only need a personal user do not push the
    /// same titles up the trending list other tests read).
    /// </summary>
    public static Task RateSixDramasAsync(IUserTasteGrain user, CatalogueProbe catalogue) =>
        RateAllAsync(user, catalogue.Popular("Drama", "Comedy", 6, skip: 6 * Interlocked.Increment(ref _sets)), 4f);

    public static async Task RateAllAsync(IUserTasteGrain user, IEnumerable<int> movies, float stars)
    {
        foreach (var movie in movies)
        {
            await user.RateAsync(movie, stars);
        }
    }
}
