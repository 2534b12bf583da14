using System.Diagnostics;
using CineSync.Database.Hosting;
using CineSync.Database.Import;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CineSync.Database.DemoData;

/// <summary>
/// While the host starts (after the database is ready, before the web server listens), fills an
/// empty catalogue from the MovieLens demo data, or says where to get it when there is none.
/// </summary>
internal sealed partial class DemoDataImportService(
    IDatabaseEndpoint endpoint, IOptions<DemoDataOptions> options, ILogger<DemoDataImportService> logger) : IHostedLifecycleService
{
    // Two silos starting together on an empty database: one imports, the other waits and then finds movies.
    private const long ImportLockKey = 0x43494E4544454D4F; // "CINEDEMO"
    private const int ProblemsLoggedPerFile = 5;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ImportWhenEmpty)
        {
            return;
        }

        var connectionString = await endpoint.GetConnectionStringAsync(cancellationToken).ConfigureAwait(false);
        await ImportIfEmptyAsync(connectionString, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Imports the demo data when the catalogue has no movie; returns the reports (empty when nothing was imported).</summary>
    public async Task<IReadOnlyList<ImportReport>> ImportIfEmptyAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", ct).ConfigureAwait(false);
        try
        {
            await using var isEmpty = new NpgsqlCommand("SELECT NOT EXISTS (SELECT 1 FROM movies)", connection);
            return (bool)(await isEmpty.ExecuteScalarAsync(ct).ConfigureAwait(false))!
                ? await ImportAsync(connectionString, ct).ConfigureAwait(false)
                : [];
        }
        finally
        {
            // A session lock outlives the pooled connection's Dispose: release it explicitly.
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 }; // another silo may import for minutes
        command.Parameters.AddWithValue("key", ImportLockKey);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<ImportReport>> ImportAsync(string connectionString, CancellationToken ct)
    {
        var lookedAt = new List<string>();
        var data = await DemoDataLocator.LocateAsync(options.Value, lookedAt, ct).ConfigureAwait(false);
        if (data is null)
        {
            Log.NoDemoData(logger, string.Join(", ", lookedAt), DemoDataOptions.DownloadPage);
            return [];
        }

        var clock = Stopwatch.StartNew();
        var importer = new CatalogImporter(connectionString, new LogProgress(logger));
        var reports = new List<ImportReport>();
        Log.Importing(logger, data.MovieLens);
        reports.Add(await importer.ImportMovieLensLatestAsync(data.MovieLens, ct).ConfigureAwait(false));
        if (data.Hetrec is not null)
        {
            reports.Add(await importer.ImportHetrecDirectorsAsync(data.Hetrec, ct).ConfigureAwait(false));
        }

        if (data.Imdb5000 is not null)
        {
            reports.Add(await importer.ImportImdb5000Async(data.Imdb5000, ct).ConfigureAwait(false));
        }

        foreach (var report in reports)
        {
            Log.Imported(logger, report.ToString());
            foreach (var file in report.Files)
            {
                foreach (var problem in file.Problems.Take(ProblemsLoggedPerFile))
                {
                    Log.Problem(logger, problem.ToString());
                }
            }
        }

        Log.DemoDataReady(logger, clock.Elapsed.TotalSeconds);
        return reports;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Logs import progress synchronously (Progress&lt;T&gt; would post it to the thread pool, out of order).</summary>
    private sealed class LogProgress(ILogger logger) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => Log.Progress(logger, value.Dataset, value.File, value.Rows);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning,
            "The catalogue is empty and no MovieLens data was found (looked at: {LookedAt}). Download ml-latest-small.zip from {DownloadPage}, " +
            "unzip it and start CineSync with --Data:Path=/path/to/ml-latest-small (or environment variable Data__Path=/path/to/ml-latest-small); " +
            "Data:Path also accepts the zip's URL.")]
        public static partial void NoDemoData(ILogger logger, string lookedAt, string downloadPage);

        [LoggerMessage(2, LogLevel.Information, "The catalogue is empty: importing demo data from {Folder}")]
        public static partial void Importing(ILogger logger, string folder);

        [LoggerMessage(3, LogLevel.Information, "Imported {Report}")]
        public static partial void Imported(ILogger logger, string report);

        [LoggerMessage(4, LogLevel.Warning, "Import problem: {Problem}")]
        public static partial void Problem(ILogger logger, string problem);

        [LoggerMessage(5, LogLevel.Information, "Demo data imported in {Seconds:0.0} s")]
        public static partial void DemoDataReady(ILogger logger, double seconds);

        [LoggerMessage(6, LogLevel.Information, "Importing {Dataset}: {File} {Rows} lines read")]
        public static partial void Progress(ILogger logger, string dataset, string file, int rows);
    }
}
