using CineSync.Grains.Data;
using Npgsql;

namespace CineSync.Grains.Hosting;

/// <summary>The grain storage the CineSync grains persist their state in; the silo registers it under this name.</summary>
public static class CineSyncGrainStorage
{
    /// <summary>The storage provider's name.</summary>
    public const string Name = "Default";

    /// <summary>
    /// The storage's connection string: <paramref name="connectionString"/> with connect and command timeouts of
    /// <paramref name="timeout"/> (default <see cref="CineSyncGrainsOptions.DefaultDatabaseTimeout"/>). Every storage
    /// statement is one small row, so a feedback or preference write during a database outage fails within seconds
    /// rather than after Npgsql's 15 s connect and 30 s command defaults.
    /// </summary>
    public static string ConnectionString(string connectionString, TimeSpan? timeout = null)
    {
        var seconds = GrainsDatabase.TimeoutSeconds(timeout ?? CineSyncGrainsOptions.DefaultDatabaseTimeout);
        return new NpgsqlConnectionStringBuilder(connectionString) { Timeout = seconds, CommandTimeout = seconds }.ConnectionString;
    }
}
