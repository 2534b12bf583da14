using Npgsql;

namespace CineSync.Database.Tests;

/// <summary>One-line queries for assertions.</summary>
internal static class Sql
{
    /// <summary>Runs <paramref name="sql"/> on a connection of its own (unpooled, so a stopped server is noticed) and returns the first column of the first row.</summary>
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
