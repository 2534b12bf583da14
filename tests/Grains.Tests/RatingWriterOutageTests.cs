using System.Net;
using System.Net.Sockets;
using CineSync.Grains.Data;
using CineSync.Grains.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CineSync.Grains.Tests;

/// <summary>When the database is unreachable, the group-commit writer fails a whole batch at once instead of retrying row by row.</summary>
public sealed class RatingWriterOutageTests
{
    private const int Ratings = 20;

    [Fact]
    public async Task A_batch_that_cannot_reach_the_database_fails_every_rating_at_once_without_retrying_each_row()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var allQueued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var accepted = 0;

        // A database that is down: the first connection is held until every rating is queued (so they form one batch
        // behind it) and then dropped; every later connection is dropped at once.
        var server = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                if (Interlocked.Increment(ref accepted) == 1)
                {
                    await allQueued.Task;
                }

                client.Dispose();
            }
        });

        var connectionString = $"Host=127.0.0.1;Port={port};Username=cinesync;Password=none;Database=cinesync;Timeout=5;Pooling=false";
        await using var source = new ConnectionStringDataSource(connectionString);
        var database = new GrainsDatabase(source);
        await using var writer = new RatingWriter(database, Options.Create(new CineSyncGrainsOptions()), NullLogger<RatingWriter>.Instance);

        var writes = Enumerable.Range(1, Ratings)
            .Select(i => writer.WriteAsync(userId: i, movieId: 1, stars: 4f, ratedAt: DateTimeOffset.UnixEpoch))
            .ToList();
        allQueued.SetResult();

        foreach (var write in writes)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => write);
        }

        await stop.CancelAsync();
        await server;

        // One connection for the lone first rating and one for the batch of the other 19 (retrying row by row would be 20).
        Assert.InRange(Volatile.Read(ref accepted), 1, 3);
    }
}
