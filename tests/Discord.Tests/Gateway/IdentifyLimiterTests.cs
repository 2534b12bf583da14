using CineSync.Testing;
using CineSync.Discord.Gateway;
using CineSync.Discord.Tests.Fakes;

namespace CineSync.Discord.Tests.Gateway;

public sealed class IdentifyLimiterTests
{
    [Fact]
    public async Task Shards_in_different_concurrency_buckets_identify_together_and_the_same_bucket_waits_five_seconds()
    {
        var time = new TestClock();
        var start = time.GetUtcNow();
        var limiter = new IdentifyLimiter(time, maxConcurrency: 2, window: TimeSpan.FromSeconds(5));
        var identifiedAt = new Dictionary<int, double>();

        async Task IdentifyAsync(int shard)
        {
            // Without the test framework's context the continuation runs as the fake clock fires, at that instant.
            await limiter.WaitAsync(shard, CancellationToken.None).ConfigureAwait(false);
            lock (identifiedAt)
            {
                identifiedAt[shard] = (time.GetUtcNow() - start).TotalSeconds;
            }
        }

        await time.DriveAsync(Task.WhenAll(Enumerable.Range(0, 5).Select(IdentifyAsync)));

        Assert.Equal(0, identifiedAt[0]);
        Assert.Equal(0, identifiedAt[1]);
        Assert.Equal(5, identifiedAt[2]);
        Assert.Equal(5, identifiedAt[3]);
        Assert.Equal(10, identifiedAt[4]);
    }
}
