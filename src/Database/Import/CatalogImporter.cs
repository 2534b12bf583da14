using System.Diagnostics;
using System.Globalization;
using System.Text;
using CineSync.Database.Import.Text;
using Npgsql;
using NpgsqlTypes;

namespace CineSync.Database.Import;

/// <summary>
/// Imports the MovieLens family of data sets into the catalogue and the training corpus.
/// Each data set is read in one transaction: lines are parsed here, bulk loaded with binary COPY
/// into temporary staging tables, checked against the catalogue there, and copied into the real
/// tables with <c>ON CONFLICT DO NOTHING</c>, so importing the same files again changes nothing.
/// Lines that cannot be used are counted and reported with their file and line, never dropped silently.
/// </summary>
/// <param name="connectionString">The CineSync database (migrated).</param>
/// <param name="progress">Told every <see cref="ProgressInterval"/> lines of a long file.</param>
public sealed partial class CatalogImporter(string connectionString, IProgress<ImportProgress>? progress = null)
{
    /// <summary>Lines between two progress reports.</summary>
    public const int ProgressInterval = 25_000;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private async Task<ImportReport> RunAsync(
        string dataset, Func<ImportSession, Task> import, CancellationToken ct)
    {
        var report = new ImportReport(dataset);
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await import(new ImportSession(connection, report, progress)).ConfigureAwait(false);
        report.EndFile();
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        report.Elapsed = clock.Elapsed;
        return report;
    }

    private static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, Invariant, out value);

    /// <summary>Opens a data file and skips its header line (read into <paramref name="fields"/>, which the caller reuses).</summary>
    private static DelimitedReader OpenWithHeader(string path, Encoding encoding, char delimiter, bool quoted, List<string> fields)
    {
        var reader = Open(path, encoding, delimiter, quoted);
        reader.TryRead(fields, out _);
        return reader;
    }

    private static DelimitedReader Open(string path, Encoding encoding, char delimiter, bool quoted)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The import file {path} does not exist.", path);
        }

        return new DelimitedReader(path, encoding, delimiter, quoted);
    }

    private static ValueTask WriteAsync(NpgsqlBinaryImporter writer, int? value, CancellationToken ct) =>
        value is int v ? new ValueTask(writer.WriteAsync(v, NpgsqlDbType.Integer, ct)) : new ValueTask(writer.WriteNullAsync(ct));

    /// <summary>One open transaction of one import, with the report it fills.</summary>
    private sealed class ImportSession(NpgsqlConnection connection, ImportReport report, IProgress<ImportProgress>? progress)
    {
        public NpgsqlConnection Connection { get; } = connection;

        public ImportReport Report { get; } = report;

        public void Progress(ImportFileReport file)
        {
            if (file.Rows % ProgressInterval == 0)
            {
                progress?.Report(new ImportProgress(Report.Dataset, file.File, file.Rows));
            }
        }

        public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
        {
            await using var command = new NpgsqlCommand(sql, Connection);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        /// <summary>Rejects the staged rows whose movie_id the catalogue lacks, showing <paramref name="shownId"/> (an expression) for each.</summary>
        public Task RejectUnknownMoviesAsync(ImportFileReport file, string stagingTable, string shownId, CancellationToken ct) =>
            RejectStagedAsync(file, RejectReasons.UnknownMovie, $"""
                DELETE FROM {stagingTable} s WHERE NOT EXISTS (SELECT 1 FROM movies m WHERE m.movie_id = s.movie_id)
                RETURNING line, {shownId}
                """, ct);

        /// <summary>
        /// Runs a <c>DELETE ... RETURNING line, detail</c> over a staging table and rejects every
        /// returned line with <paramref name="reason"/>: checks that need the database (unknown movie,
        /// duplicates) report exactly like the ones made while parsing.
        /// </summary>
        public async Task RejectStagedAsync(ImportFileReport file, string reason, string deleteReturningLineAndDetail, CancellationToken ct)
        {
            await using var command = new NpgsqlCommand(deleteReturningLineAndDetail, Connection);
            var rejected = new List<(int Line, string Detail)>();
            await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    rejected.Add((reader.GetInt32(0), reader.GetString(1)));
                }
            }

            foreach (var (line, detail) in rejected.OrderBy(r => r.Line))
            {
                file.Reject(line, reason, detail);
            }
        }
    }
}
