using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Tests;

[Collection(GrainsCollection.Name)]
public sealed class TasteTests(GrainsFixture fixture)
{
    private IUserTasteGrain User(long id) => fixture.Silo.Client.GetGrain<IUserTasteGrain>(id);

    [Fact]
    public async Task A_rating_survives_a_silo_restart()
    {
        await using var silo = await fixture.StartSiloAsync();
        var id = fixture.NewUserId();
        var matrix = 2571;
        var receipt = await silo.Client.GetGrain<IUserTasteGrain>(id).RateAsync(matrix, 4.5f);
        Assert.Equal(1, receipt.RatingCount);

        Assert.Equal(1, await fixture.ScalarAsync("SELECT count(*) FROM user_ratings WHERE user_id = @u AND movie_id = @m AND rating = 4.5", ("u", id), ("m", matrix)));
        await silo.RestartSilosAsync();

        var snapshot = await silo.Client.GetGrain<IUserTasteGrain>(id).GetTasteSnapshotAsync();
        var rating = Assert.Single(snapshot.Ratings);
        Assert.Equal((matrix, 4.5f), (rating.MovieId, rating.Stars));
    }

    [Fact]
    public async Task The_fifth_rating_switches_from_onboarding_to_personal_results()
    {
        var user = User(fixture.NewUserId());
        await user.SetFavouriteGenresAsync(["comedy"]);
        var onboarding = await user.GetOnboardingAsync(5);
        Assert.Equal(5, onboarding.Titles.Count);
        Assert.Equal(["Comedy"], onboarding.FavouriteGenres);
        Assert.All(onboarding.Titles, t => Assert.Contains("Comedy", t.Genres));

        for (var i = 0; i < 4; i++)
        {
            var receipt = await user.RateAsync(onboarding.Titles[i].MovieId, 4f);
            Assert.False(receipt.Personal);
            Assert.Equal(4 - i, receipt.RatingsUntilPersonal);
        }

        var cold = await user.GetRecommendationsAsync(new RecommendationQuery(5));
        Assert.False(cold.Personal);
        Assert.Equal(1, cold.RatingsUntilPersonal);
        Assert.All(cold.Items, r => Assert.Contains("Comedy", r.Title.Genres));
        Assert.All(cold.Items, r => Assert.Contains("not personal yet", r.Explanation, StringComparison.Ordinal));

        var fifth = await user.RateAsync(onboarding.Titles[4].MovieId, 3.5f);
        Assert.True(fifth.Personal);
        Assert.True(fifth.BecamePersonal);

        var personal = await user.GetRecommendationsAsync(new RecommendationQuery(5));
        Assert.True(personal.Personal);
        Assert.Equal(5, personal.Items.Count);
        Assert.DoesNotContain(personal.Items, r => onboarding.Titles.Any(t => t.MovieId == r.Title.MovieId));
    }

    [Fact]
    public async Task Loved_thrillers_and_hated_romances_give_thriller_heavy_results_explained_by_the_thrillers()
    {
        var user = User(fixture.NewUserId());
        var thrillers = fixture.Catalogue.Thrillers;
        var romances = fixture.Catalogue.Romances;
        await Users.RateAllAsync(user, thrillers, 5f);
        await Users.RateAllAsync(user, romances, 1f);

        var results = await user.GetRecommendationsAsync(new RecommendationQuery(10));

        Assert.True(results.Personal);
        var thrillerCount = results.Items.Count(r => r.Title.Genres.Contains("Thriller"));
        var romanceCount = results.Items.Count(r => r.Title.Genres.Contains("Romance"));
        Assert.True(thrillerCount >= 5 && thrillerCount > 2 * romanceCount, $"{thrillerCount} thrillers, {romanceCount} romances");

        var thriller = results.Items.First(r => r.Title.Genres.Contains("Thriller"));
        var why = await user.ExplainAsync(thriller.Title.MovieId);
        Assert.True(why.Personal);
        Assert.Contains(why.Because, b => thrillers.Contains(b.MovieId) && b.Stars == 5f);
        Assert.Contains(why.Because.First(b => thrillers.Contains(b.MovieId)).Title, why.Text, StringComparison.Ordinal);

        var stats = await user.GetStatsAsync();
        Assert.Equal("Thriller", stats.Genres[0].Name);
        Assert.Contains("Thriller enthusiast", stats.Persona, StringComparison.Ordinal);
        Assert.Equal(10, stats.Distribution.Sum());
        Assert.Equal(5, stats.Distribution[9]);
        Assert.InRange(stats.Diversity, 0.01f, 0.99f);
    }

    [Fact]
    public async Task A_thumbs_down_removes_the_title_from_later_results()
    {
        var id = fixture.NewUserId();
        var user = User(id);
        await Users.RateAllAsync(user, fixture.Catalogue.Popular("Sci-Fi", "Romance", 6), 4.5f);
        var first = await user.GetRecommendationsAsync(new RecommendationQuery(10));
        var disliked = first.Items[0];

        await user.FeedbackAsync(disliked.Title.MovieId, FeedbackKind.Dislike, disliked.TopModel);
        var again = await user.GetRecommendationsAsync(new RecommendationQuery(10));

        Assert.DoesNotContain(again.Items, r => r.Title.MovieId == disliked.Title.MovieId);
        Assert.Equal(1, await fixture.ScalarAsync("SELECT count(*) FROM feedback WHERE user_id = @u AND movie_id = @m AND kind = 'dislike'", ("u", id), ("m", disliked.Title.MovieId)));
        var stats = await user.GetStatsAsync();
        Assert.Equal(1, stats.Feedback[FeedbackKind.Dislike]);
    }

    [Fact]
    public async Task Concurrent_ratings_from_one_user_are_all_kept()
    {
        var id = fixture.NewUserId();
        var user = User(id);
        var movies = fixture.Catalogue.Popular("Drama", "Horror", 30);

        await Task.WhenAll(movies.Select((m, i) => user.RateAsync(m, 0.5f + (i % 10 * 0.5f))));

        Assert.Equal(30, await fixture.ScalarAsync("SELECT count(*) FROM user_ratings WHERE user_id = @u", ("u", id)));
        Assert.Equal(30, (await user.GetTasteSnapshotAsync()).Ratings.Count);
    }

    [Fact]
    public async Task Unknown_titles_and_invalid_stars_are_rejected_without_change()
    {
        var id = fixture.NewUserId();
        var user = User(id);
        await user.RateAsync(2571, 4f);

        var unknown = await Assert.ThrowsAsync<UnknownMovieException>(() => user.RateAsync(987_654_321, 4f));
        Assert.Contains("987654321", unknown.Message, StringComparison.Ordinal);
        var seven = await Assert.ThrowsAsync<InvalidRatingException>(() => user.RateAsync(1, 7f));
        Assert.Contains("half stars", seven.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidRatingException>(() => user.RateAsync(1, 3.3f));
        await Assert.ThrowsAsync<InvalidRatingException>(() => user.RateAsync(2571, 0f));

        Assert.Equal(1, await fixture.ScalarAsync("SELECT count(*) FROM user_ratings WHERE user_id = @u", ("u", id)));
        var snapshot = await user.GetTasteSnapshotAsync();
        Assert.Equal(4f, Assert.Single(snapshot.Ratings).Stars);
    }

    [Fact]
    public async Task Removing_a_rating_deletes_it()
    {
        var id = fixture.NewUserId();
        var user = User(id);
        await user.RateAsync(1, 3f);
        var receipt = await user.RemoveRatingAsync(1);
        Assert.Null(receipt.Stars);
        Assert.Equal(3f, receipt.PreviousStars);
        Assert.Equal(0, receipt.RatingCount);
        Assert.Equal(0, await fixture.ScalarAsync("SELECT count(*) FROM user_ratings WHERE user_id = @u", ("u", id)));
    }
}
