using System.Text.Json;
using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Tests;

[Collection(GrainsCollection.Name)]
public sealed class PrivacyTests(GrainsFixture fixture)
{
    [Fact]
    public async Task Delete_my_data_leaves_no_row_for_that_user_and_a_fresh_grain()
    {
        var id = fixture.NewUserId();
        var other = fixture.NewUserId();
        var user = fixture.Silo.Client.GetGrain<IUserTasteGrain>(id);
        await fixture.Silo.Client.GetGrain<IUserTasteGrain>(other).RateAsync(1, 4f);
        await user.SetFavouriteGenresAsync(["Drama"]);
        await Users.RateAllAsync(user, fixture.Catalogue.Popular("Drama", "Comedy", 6), 4f);
        var recommended = await user.GetRecommendationsAsync(new RecommendationQuery(3));
        await user.FeedbackAsync(recommended.Items[0].Title.MovieId, FeedbackKind.Like, recommended.Items[0].TopModel);
        await user.FeedbackAsync(recommended.Items[1].Title.MovieId, FeedbackKind.Watched, null);
        Assert.True(await RowsAboutAsync(id) > 0);
        Assert.Equal(1, await StateRowsAsync(id));

        var receipt = await user.DeleteAllAsync();

        Assert.Equal((6, 2, 1, 1), (receipt.Ratings, receipt.Feedback, receipt.StateRows, receipt.ShownLists));
        Assert.Equal(0, await StateRowsAsync(id));
        Assert.Equal(0, await RowsAboutAsync(id));
        var stats = await user.GetStatsAsync();
        Assert.Equal(0, stats.RatingCount);
        Assert.Empty(stats.Feedback);
        Assert.Empty((await user.GetOnboardingAsync(5)).FavouriteGenres);
        Assert.Equal(0, await RowsAboutAsync(id)); // reading a fresh grain writes nothing back
        Assert.Equal(1, await fixture.ScalarAsync("SELECT count(*) FROM user_ratings WHERE user_id = @u", ("u", other)));
    }

    [Fact]
    public async Task Export_contains_everything_stored_about_the_user()
    {
        var user = fixture.Silo.Client.GetGrain<IUserTasteGrain>(fixture.NewUserId());
        await user.RateAsync(2571, 5f);
        await user.RateAsync(1, 2.5f);
        await user.FeedbackAsync(318, FeedbackKind.NotInterested, "knn");

        using var export = JsonDocument.Parse(await user.ExportAsync());

        var ratings = export.RootElement.GetProperty("ratings");
        Assert.Equal(2, ratings.GetArrayLength());
        Assert.Contains(ratings.EnumerateArray(), r => r.GetProperty("title").GetString() == "The Matrix (1999)" && r.GetProperty("stars").GetSingle() == 5f);
        var feedback = Assert.Single(export.RootElement.GetProperty("feedback_given").EnumerateArray());
        Assert.Equal("not_interested", feedback.GetProperty("kind").GetString());
        Assert.Equal([318], export.RootElement.GetProperty("hidden_titles").EnumerateArray().Select(e => e.GetInt32()));
    }

    /// <summary>Rows about the user in every table with a user column, and the user grain's row in Orleans' grain storage.</summary>
    private async Task<long> RowsAboutAsync(long id) =>
        await fixture.ScalarAsync("""
            SELECT (SELECT count(*) FROM user_ratings WHERE user_id = @u)
                 + (SELECT count(*) FROM feedback WHERE user_id = @u)
                 + (SELECT count(*) FROM shown_lists WHERE user_id = @u)
                 + (SELECT count(*) FROM recommendation_outcomes WHERE user_id = @u)
            """, ("u", id)) + await StateRowsAsync(id);

    /// <summary>The user grain's rows in Orleans' storage table (an integer key is stored in <c>grain_id_n1</c>).</summary>
    private Task<long> StateRowsAsync(long id) =>
        fixture.ScalarAsync("SELECT count(*) FROM orleans_storage WHERE grain_type_string = 'user-taste' AND grain_id_n1 = @u", ("u", id));
}
