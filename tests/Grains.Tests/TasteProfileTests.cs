using CineSync.Grains.Catalogue;
using CineSync.Grains.Interfaces;
using CineSync.Grains.Taste;

namespace CineSync.Grains.Tests;

/// <summary>What <c>/my_stats</c> says about a user, from their ratings alone (no silo needed).</summary>
public sealed class TasteProfileTests
{
    private const float CorpusMean = 3.5f;

    [Fact]
    public void An_actor_in_every_film_the_user_rated_1_star_is_never_a_favourite_actor()
    {
        var stats = new TasteStatistics();
        var rated = new List<(CatalogueEntry, float)>();
        Rate(stats, rated, Film(1, ["Drama"], "Disliked Actor", "Liked Actor"), 1f);
        Rate(stats, rated, Film(2, ["Drama"], "Disliked Actor"), 1f);
        Rate(stats, rated, Film(3, ["Drama"], "Disliked Actor"), 1.5f);
        Rate(stats, rated, Film(4, ["Thriller"], "Liked Actor"), 5f);
        Rate(stats, rated, Film(5, ["Thriller"], "Liked Actor"), 4.5f);
        Rate(stats, rated, Film(6, ["Thriller"], "Someone"), 4f);

        var (_, actors) = stats.People(rated, 5);

        Assert.DoesNotContain(actors, a => a.Name == "Disliked Actor");
        Assert.Equal("Liked Actor", Assert.Single(actors).Name);
    }

    [Fact]
    public void Favourite_genres_are_rated_above_the_users_own_mean_on_more_than_one_title()
    {
        var stats = new TasteStatistics();
        var rated = new List<(CatalogueEntry, float)>();
        Rate(stats, rated, Film(1, ["Horror"]), 1f);
        Rate(stats, rated, Film(2, ["Horror"]), 2f);
        Rate(stats, rated, Film(3, ["Comedy"]), 4f);
        Rate(stats, rated, Film(4, ["Comedy"]), 4.5f);
        Rate(stats, rated, Film(5, ["Western"]), 5f); // one title: not enough to call it a favourite

        var genres = stats.Genres(5);

        Assert.Equal(["Comedy"], genres.Select(g => g.Name));
        Assert.All(genres, g => Assert.True(g.Average > stats.Mean));
    }

    [Fact]
    public void A_user_who_gives_only_1_and_5_stars_is_polarised_not_balanced()
    {
        var stats = new TasteStatistics();
        for (var i = 0; i < 10; i++)
        {
            stats.Apply(Film(i, ["Drama"]).Info, i % 2 == 0 ? 1f : 5f, 1);
        }

        Assert.Equal(3f, stats.Mean);
        Assert.Equal(RatingStyle.Polarised, Persona.Style(stats.Histogram, stats.Mean, CorpusMean));
    }

    [Theory]
    [InlineData(new[] { 4.5f, 5f, 4.5f, 4f, 5f, 4.5f }, RatingStyle.Generous)]
    [InlineData(new[] { 2f, 2.5f, 3f, 2f, 1.5f, 2.5f }, RatingStyle.Harsh)]
    [InlineData(new[] { 3f, 3.5f, 4f, 3.5f, 3f, 4f }, RatingStyle.Balanced)]
    [InlineData(new[] { 0.5f, 5f, 1f, 5f, 4.5f, 1f, 3f }, RatingStyle.Polarised)]
    public void Rating_style_describes_the_distribution(float[] ratings, RatingStyle expected)
    {
        var stats = new TasteStatistics();
        foreach (var (stars, i) in ratings.Select((r, i) => (r, i)))
        {
            stats.Apply(Film(i, ["Drama"]).Info, stars, 1);
        }

        Assert.Equal(expected, Persona.Style(stats.Histogram, stats.Mean, CorpusMean));
    }

    [Fact]
    public void A_user_with_ratings_but_no_favourite_yet_is_not_called_a_newcomer()
    {
        Assert.DoesNotContain("Newcomer", Persona.Describe(4, [], RatingStyle.Balanced, 0.5f), StringComparison.Ordinal);
        Assert.Contains("Newcomer", Persona.Describe(0, [], RatingStyle.Balanced, 0f), StringComparison.Ordinal);
    }

    private static void Rate(TasteStatistics stats, List<(CatalogueEntry, float)> rated, CatalogueEntry film, float stars)
    {
        stats.Apply(film.Info, stars, 1);
        rated.Add((film, stars));
    }

    private static CatalogueEntry Film(int id, string[] genres, params string[] actors) =>
        new(new TitleInfo(id, $"Film {id}", 2000, genres, 100, 3.5f), [], actors, $"film {id}", []);
}
