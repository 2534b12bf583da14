using System.Diagnostics;
using CineSync.Grains.Interfaces;
using Npgsql;

namespace CineSync.Grains.Bench;

internal static class Scenarios
{
    /// <summary>Recommendations for a warm user through the cluster client (TCP gateway), one call at a time.</summary>
    public static async Task RecommendAsync(BenchCluster cluster)
    {
        var user = cluster.Silo.Client.GetGrain<IUserTasteGrain>(42);
        for (var i = 0; i < 30; i++)
        {
            await user.RateAsync(cluster.Movies[i * 3], 0.5f + (i % 10 * 0.5f));
        }

        var query = new RecommendationQuery(10);
        for (var i = 0; i < 300; i++)
        {
            await user.GetRecommendationsAsync(query);
        }

        var latencies = new Latencies(3000);
        for (var i = 0; i < 3000; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await user.GetRecommendationsAsync(query);
            latencies.Add(start);
        }

        Console.WriteLine($"recommend (warm user, 30 ratings, 10 titles, via client): {latencies.Summary()}   target p50 ≤ 2 ms, p99 ≤ 10 ms");
    }

    /// <summary>Ratings including the PostgreSQL commit: one user at a time, then many users concurrently.</summary>
    public static async Task RateAsync(BenchCluster cluster)
    {
        var single = cluster.Silo.Client.GetGrain<IUserTasteGrain>(7);
        var sequential = new Latencies(1000);
        for (var i = 0; i < 1000; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await single.RateAsync(cluster.Movies[i % 500], 0.5f + (i % 10 * 0.5f));
            sequential.Add(start);
        }

        // Baseline in the same process: the same upsert, one row per transaction, straight through Npgsql.
        var baseline = new Latencies(1000);
        await using (var source = NpgsqlDataSource.Create(cluster.ConnectionString))
        {
            for (var i = 0; i < 1000; i++)
            {
                await using var command = source.CreateCommand("""
                    INSERT INTO user_ratings (user_id, movie_id, rating, rated_at) VALUES (8, @m, @r, now())
                    ON CONFLICT (user_id, movie_id) DO UPDATE SET rating = excluded.rating, rated_at = excluded.rated_at
                    """);
                command.Parameters.AddWithValue("m", cluster.Movies[i % 500]);
                command.Parameters.AddWithValue("r", 0.5m + (i % 10 * 0.5m));
                var start = Stopwatch.GetTimestamp();
                await command.ExecuteNonQueryAsync();
                baseline.Add(start);
            }
        }

        Console.WriteLine($"rate (one caller, commit included): {sequential.Summary()}   target p50 ≤ 3 ms");
        Console.WriteLine($"  baseline, the same upsert committed straight through Npgsql: {baseline.Summary()}; rate p50 / baseline p50 = {sequential.P50 / baseline.P50:0.00}");

        const int users = 2000;
        const int concurrency = 64;
        var duration = TimeSpan.FromSeconds(10);
        for (var u = 0; u < users; u++)
        {
            await cluster.Silo.Client.GetGrain<IUserTasteGrain>(100_000 + u).GetTasteSnapshotAsync(); // activate
        }

        var concurrent = new Latencies(100_000);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async w =>
        {
            var random = new Random(w);
            while (clock.Elapsed < duration)
            {
                var user = cluster.Silo.Client.GetGrain<IUserTasteGrain>(100_000 + random.Next(users));
                var start = Stopwatch.GetTimestamp();
                await user.RateAsync(cluster.Movies[random.Next(2000)], 0.5f + (random.Next(10) * 0.5f));
                concurrent.Add(start);
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var rate = concurrent.Count / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"rate ({concurrency} concurrent callers over {users} users, group commit): {rate:0} ratings/s, {concurrent.Summary()}   target ≥ 2,000/s");
    }

    /// <summary>Managed memory of warm user grains with 100 ratings each (ratings loaded at activation, one recommendation served).</summary>
    public static async Task MemoryAsync(BenchCluster cluster)
    {
        const int grains = 300;
        const long firstUser = 5_000_000;
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO user_ratings (user_id, movie_id, rating, rated_at)
                SELECT @first + u, m.movie_id, ((m.rn + u) % 10 + 1) / 2.0, now()
                FROM generate_series(0, @n - 1) u
                CROSS JOIN LATERAL (SELECT movie_id, row_number() OVER (ORDER BY popularity DESC, movie_id) AS rn FROM movies ORDER BY popularity DESC, movie_id OFFSET (u % 50) LIMIT 100) m
                """, connection);
            insert.Parameters.AddWithValue("first", firstUser);
            insert.Parameters.AddWithValue("n", grains);
            await insert.ExecuteNonQueryAsync();
        }

        var factory = cluster.Silo.Client;
        await factory.GetGrain<IUserTasteGrain>(firstUser - 1).GetRecommendationsAsync(new RecommendationQuery(10)); // JIT, pools
        var empty = await PerGrainAsync(factory, 9_000_000, grains);
        var full = await PerGrainAsync(factory, firstUser, grains);
        var count = (await factory.GetGrain<IUserTasteGrain>(firstUser).GetTasteSnapshotAsync()).Ratings.Count;
        Console.WriteLine($"memory: {full / 1024:0.0} KB per warm user grain with {count} ratings and one recommendation served; "
            + $"{empty / 1024:0.0} KB for a user with no ratings (Orleans' per-activation overhead included in both)   target ≤ 8 KB");
    }

    private static async Task<double> PerGrainAsync(Orleans.IGrainFactory factory, long firstUser, int grains)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var u = 0; u < grains; u++)
        {
            await factory.GetGrain<IUserTasteGrain>(firstUser + u).GetRecommendationsAsync(new RecommendationQuery(10));
        }

        return (GC.GetTotalMemory(forceFullCollection: true) - before) / (double)grains;
    }
}
