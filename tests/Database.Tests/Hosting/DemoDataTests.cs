using Microsoft.Extensions.Logging.Testing;
using CineSync.Database.DemoData;
using CineSync.Database.Migrations;
using CineSync.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CineSync.Database.Tests.Hosting;

public sealed class DemoDataTests : IDisposable
{
    private readonly string _folder = PostgresServer.CreateTempFolder("demo-");

    [Fact]
    public async Task An_empty_catalogue_is_filled_once_from_the_configured_folder()
    {
        var movieLens = TinyMovieLens.Write(Path.Combine(_folder, "ml-latest-small"));
        var db = await PostgresServer.CreateDatabaseAsync("demo");
        await DatabaseMigrator.MigrateAsync(db);
        var service = CreateService(new DemoDataOptions { Path = movieLens }, out _);

        var first = await service.ImportIfEmptyAsync(db, CancellationToken.None);
        var second = await service.ImportIfEmptyAsync(db, CancellationToken.None);

        Assert.Equal(TinyMovieLens.Movies, first.Single()["movies.csv"].Inserted);
        Assert.Empty(second); // the catalogue is no longer empty
        Assert.Equal(TinyMovieLens.Movies, await Sql.ScalarAsync<long>(db, "SELECT count(*) FROM movies"));
    }

    [Fact]
    public async Task Without_data_the_start_says_where_to_get_MovieLens_and_how_to_point_CineSync_at_it()
    {
        var db = await PostgresServer.CreateDatabaseAsync("demo");
        await DatabaseMigrator.MigrateAsync(db);
        var service = CreateService(new DemoDataOptions { Path = Path.Combine(_folder, "nothing-here") }, out var logs);

        Assert.Empty(await service.ImportIfEmptyAsync(db, CancellationToken.None));

        var message = Assert.Single(logs.Lines, l => l.Contains("no MovieLens data was found", StringComparison.Ordinal));
        Assert.Contains("https://grouplens.org/datasets/movielens/latest/", message, StringComparison.Ordinal);
        Assert.Contains("--Data:Path=", message, StringComparison.Ordinal);
        Assert.Contains("Data__Path=", message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_folder, "nothing-here"), message, StringComparison.Ordinal);
    }

    [Fact]
    public void By_default_the_shared_ml_latest_small_beside_the_repository_is_found_with_its_director_files()
    {
        var found = DemoDataLocator.DefaultCandidates().FirstOrDefault(DemoDataSet.IsMovieLensFolder);

        Assert.NotNull(found);
        var data = DemoDataSet.Beside(found);
        Assert.Equal(Path.GetFullPath(SharedPaths.Data("ml-latest-small")), data.MovieLens);
        Assert.Equal(Path.GetFullPath(SharedPaths.Data("hetrec2011-movielens-2k")), data.Hetrec);
        Assert.Equal(Path.GetFullPath(SharedPaths.Data("imdb-5000-movie-metadata")), data.Imdb5000);
    }

    public void Dispose() => PostgresServer.TryDelete(_folder);

    private static DemoDataImportService CreateService(DemoDataOptions options, out FakeLoggerProvider logs)
    {
        var capture = new FakeLoggerProvider();
        logs = capture;
#pragma warning disable CA2000 // the factory owns the provider; both live as long as the test
        var factory = LoggerFactory.Create(b => b.AddProvider(capture));
#pragma warning restore CA2000
        return new DemoDataImportService(null!, Options.Create(options), factory.CreateLogger<DemoDataImportService>());
    }
}
