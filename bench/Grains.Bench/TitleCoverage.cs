using CineSync.Database.Import;
using CineSync.Database.Migrations;
using CineSync.Grains.Catalogue;
using CineSync.Testing;

namespace CineSync.Grains.Bench;

/// <summary>
/// The title-resolution share over the real catalogues: ml-latest-small, ml-100k, and both imported together (as a
/// silo does when both are configured). Not a speed figure: it prints how often typing a title finds that film.
/// </summary>
internal static class TitleCoverage
{
    public static async Task RunAsync()
    {
        foreach (var datasets in new[] { new[] { "ml-latest-small" }, ["ml-100k"], ["ml-latest-small", "ml-100k"] })
        {
            var connectionString = await PostgresServer.CreateDatabaseAsync("titlebench");
            await DatabaseMigrator.MigrateAsync(connectionString);
            var importer = new CatalogImporter(connectionString);
            foreach (var dataset in datasets)
            {
                await (dataset == "ml-100k"
                    ? importer.ImportMovieLens100kAsync(SharedPaths.Data(dataset))
                    : importer.ImportMovieLensLatestAsync(SharedPaths.Data(dataset)));
            }

            var misses = new List<string>();
            var coverage = await TitleResolutionCoverage.MeasureAsync(connectionString, misses);
            Console.WriteLine($"titles: {string.Join(" + ", datasets)}: {coverage}");
            Console.WriteLine($"  e.g. not picked (a namesake is more rated, offered one click away): {string.Join("; ", misses.Take(5))}");
        }
    }
}
