using CineSync.Grains.Interfaces;
using CineSync.Grains.OnlineMetrics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CineSync.Grains.Tests.OnlineMetrics;

/// <summary>What the bot showed a user and what followed, as stored in PostgreSQL by real grain calls.</summary>
[Collection(GrainsCollection.Name)]
public sealed class OnlineMetricsRecordingTests(GrainsFixture fixture)
{
    [Fact]
    public async Task A_list_shown_is_stored_with_its_titles_in_order_and_the_model_version_that_ranked_it()
    {
        var id = fixture.NewUserId();
        var user = fixture.Silo.Client.GetGrain<IUserTasteGrain>(id);
        await Users.RateSixDramasAsync(user, fixture.Catalogue);

        var list = await user.GetRecommendationsAsync(new RecommendationQuery(5));
        await FlushAsync();

        var current = await fixture.Silo.Client.GetGrain<IModelRegistryGrain>(0).GetCurrentAsync();
        var rows = await ListsAsync(id);
        var row = Assert.Single(rows);
        Assert.Equal(list.Items.Select(i => i.Title.MovieId), row.MovieIds);
        Assert.Equal(current.Version, row.ModelVersion);
        Assert.Equal("recommend", row.Surface);
        Assert.Null(row.Arm);
    }

    [Fact]
    public async Task Feedback_and_a_rating_on_shown_titles_are_outcomes_of_the_list_that_showed_them_and_other_ratings_are_not()
    {
        var id = fixture.NewUserId();
        var user = fixture.Silo.Client.GetGrain<IUserTasteGrain>(id);
        await Users.RateSixDramasAsync(user, fixture.Catalogue);
        var shown = (await user.GetRecommendationsAsync(new RecommendationQuery(5))).Items.Select(i => i.Title.MovieId).ToArray();
        var notShown = fixture.Catalogue.Popular("Comedy", "Drama", 40).First(m => !shown.Contains(m));

        await user.FeedbackAsync(shown[0], FeedbackKind.Like, null);
        await user.FeedbackAsync(shown[1], FeedbackKind.Dislike, null);
        await user.RateAsync(shown[2], 4.5f);
        await user.RateAsync(notShown, 3f);
        await FlushAsync();

        var outcomes = await OutcomesAsync(id);
        Assert.Equal(
            [(shown[0], 1, "like", (decimal?)null), (shown[1], 2, "dislike", null), (shown[2], 3, "rating", 4.5m)],
            outcomes.Select(o => (o.MovieId, o.Position, o.Kind, o.Stars)));
        var listId = Assert.Single(await ListsAsync(id)).ListId;
        Assert.All(outcomes, o => Assert.Equal(listId, o.ListId));
    }

    [Fact]
    public async Task Delete_my_data_removes_the_lists_shown_to_the_user_and_their_outcomes()
    {
        var id = fixture.NewUserId();
        var user = fixture.Silo.Client.GetGrain<IUserTasteGrain>(id);
        await Users.RateSixDramasAsync(user, fixture.Catalogue);
        var shown = await user.GetRecommendationsAsync(new RecommendationQuery(3));
        await user.GetRecommendationsAsync(new RecommendationQuery(3));
        await user.FeedbackAsync(shown.Items[0].Title.MovieId, FeedbackKind.Like, null);

        // Not flushed: the deletion itself must wait for what is still queued.
        var receipt = await user.DeleteAllAsync();

        Assert.Equal(2, receipt.ShownLists);
        Assert.Equal(0, await fixture.ScalarAsync("SELECT count(*) FROM shown_lists WHERE user_id = @u", ("u", id)));
        Assert.Equal(0, await fixture.ScalarAsync("SELECT count(*) FROM recommendation_outcomes WHERE user_id = @u", ("u", id)));
    }

    private Task FlushAsync() => fixture.Silo.Cluster.Silos[0].ServiceProvider.GetRequiredService<OnlineMetricsWriter>().FlushAsync();

    private async Task<List<(Guid ListId, int[] MovieIds, int ModelVersion, string Surface, string? Arm)>> ListsAsync(long userId)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT list_id, movie_ids, model_version, surface, arm FROM shown_lists WHERE user_id = @u ORDER BY shown_at", connection);
        command.Parameters.AddWithValue("u", userId);
        var rows = new List<(Guid, int[], int, string, string?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetGuid(0), reader.GetFieldValue<int[]>(1), reader.GetInt32(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return rows;
    }

    private async Task<List<(Guid ListId, int MovieId, int Position, string Kind, decimal? Stars)>> OutcomesAsync(long userId)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT list_id, movie_id, position, kind, stars FROM recommendation_outcomes WHERE user_id = @u ORDER BY outcome_id", connection);
        command.Parameters.AddWithValue("u", userId);
        var rows = new List<(Guid, int, int, string, decimal?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetGuid(0), reader.GetInt32(1), reader.GetInt16(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetDecimal(4)));
        }

        return rows;
    }
}
