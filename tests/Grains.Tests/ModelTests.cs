using CineSync.Grains.Interfaces;
using CineSync.Testing;

namespace CineSync.Grains.Tests;

[Collection(GrainsCollection.Name)]
public sealed class ModelTests(GrainsFixture fixture)
{
    [Fact]
    public async Task Workers_switch_to_a_newly_published_model_without_failing_calls()
    {
        var model = fixture.Silo.Client.GetGrain<IModelGrain>(0);
        var registry = fixture.Silo.Client.GetGrain<IModelRegistryGrain>(0);
        var before = await model.GetInfoAsync();
        Assert.Contains("als", before.ModelNames);

        // A second stored version (a copy of the current artifact), then published.
        var next = (int)await fixture.ScalarAsync("""
            INSERT INTO trained_models (version, metrics, checksum, artifact)
            SELECT max(version) + 1, '{"label":"copy"}', (SELECT checksum FROM trained_models WHERE is_current), (SELECT artifact FROM trained_models WHERE is_current)
            FROM trained_models RETURNING version
            """);
        await registry.PublishAsync(next);

        var similar = fixture.Silo.Client.GetGrain<IUserTasteGrain>(fixture.NewUserId());
        // Calls until the worker serves the new version; the guard only stops a hang.
        using var guard = HangGuard.Start();
        ModelInfo info;
        do
        {
            // Calls keep succeeding while the worker loads the new version in the background.
            Assert.NotEmpty(await similar.GetSimilarAsync(2571, 5));
            info = await model.GetInfoAsync();
        }
        while (info.Stamp.Version != next && !guard.IsCancellationRequested);

        Assert.Equal(next, info.Stamp.Version);
        Assert.Equal(next, (await registry.GetCurrentAsync()).Version);
    }

    [Fact]
    public async Task Similar_titles_to_a_movie_share_its_character()
    {
        var user = fixture.Silo.Client.GetGrain<IUserTasteGrain>(fixture.NewUserId());
        var toyStory = 1;
        var similar = await user.GetSimilarAsync(toyStory, 10);
        Assert.Equal(10, similar.Count);
        Assert.DoesNotContain(similar, s => s.Title.MovieId == toyStory);
        Assert.True(similar.Count(s => s.Title.Genres.Contains("Animation") || s.Title.Genres.Contains("Children")) >= 5);
    }
}
