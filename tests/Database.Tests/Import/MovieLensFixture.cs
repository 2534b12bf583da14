using CineSync.Database.Import;
using CineSync.Database.Migrations;
using CineSync.Testing;
using Npgsql;

namespace CineSync.Database.Tests.Import;

/// <summary>One database holding ml-latest-small with HetRec directors and IMDB 5000 cast, imported once for the collection.</summary>
public sealed class MovieLensFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public ImportReport MovieLens { get; private set; } = null!;

    public ImportReport Hetrec { get; private set; } = null!;

    public ImportReport Imdb { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync("movielens");
        await DatabaseMigrator.MigrateAsync(ConnectionString);
        var importer = new CatalogImporter(ConnectionString);
        MovieLens = await importer.ImportMovieLensLatestAsync(SharedPaths.Data("ml-latest-small"));
        Hetrec = await importer.ImportHetrecDirectorsAsync(SharedPaths.Data("hetrec2011-movielens-2k"));
        Imdb = await importer.ImportImdb5000Async(SharedPaths.Data("imdb-5000-movie-metadata"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}

[CollectionDefinition(Name)]
public sealed class MovieLensCollection : ICollectionFixture<MovieLensFixture>
{
    public const string Name = "movielens";
}
