using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace CineSync.Load.Bench;

/// <summary>
/// Gives users a history and activates them, to weigh warm users: their ratings are written straight into
/// user_ratings (setup, not load), then each user runs /my_stats through the bot, which activates their grain and
/// loads those ratings into it.
/// </summary>
internal static class Warmup
{
    public static async Task GiveRatingsAsync(string connectionString, Workload workload, int users, int ratingsEach, IReadOnlyList<int> moviesByPopularity)
    {
        int[] pool = [.. moviesByPopularity.Take(500)];
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            INSERT INTO user_ratings (user_id, movie_id, rating, rated_at)
            SELECT DISTINCT ON (u, m) u, m, 0.5 + ((u * 31 + m) % 10) * 0.5, now()
            FROM (SELECT @first + r AS u, (@pool::int[])[1 + ((r * 7 + k * 13) % cardinality(@pool::int[]))] AS m
                  FROM generate_series(0, @users - 1) r, generate_series(0, @each - 1) k) AS picks
            ON CONFLICT DO NOTHING
            """, connection) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("first", workload.FirstUserId);
        command.Parameters.AddWithValue("pool", pool);
        command.Parameters.AddWithValue("users", users);
        command.Parameters.AddWithValue("each", ratingsEach);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>Runs /my_stats for users 0…<paramref name="users"/>-1 with <paramref name="parallel"/> at a time; returns activations per second.</summary>
    public static async Task<double> ActivateAsync(BotDriver bot, Workload workload, int users, int parallel)
    {
        var clock = Stopwatch.StartNew();
        var next = -1;
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
        {
            int rank;
            while ((rank = Interlocked.Increment(ref next)) < users)
            {
                if (await bot.StatsAsync(workload.UserId(rank)).ConfigureAwait(false) != Outcome.Ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }))).ConfigureAwait(false);
        if (failures > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  warm-up: {failures} of {users} activations failed"));
        }

        return users / clock.Elapsed.TotalSeconds;
    }
}
