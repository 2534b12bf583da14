using CineSync.Recommender.Engine;
using CineSync.Recommender.Ranking;

namespace CineSync.Recommender.Tests.Ranking;

public sealed class SimilarBlendTests
{
    private static readonly Dictionary<int, string[]> Genres = new()
    {
        [1] = ["Animation", "Children", "Comedy"],
        [2] = ["Action", "Thriller"],
        [3] = ["Animation", "Children"],
        [4] = ["Drama"],
    };

    [Fact]
    public void Similar_to_an_animated_family_film_puts_animated_family_films_before_co_watched_blockbusters()
    {
        ScoredItem[] similar = [new(2, 1.0f), new(3, 0.8f), new(4, 0.7f)];

        var blended = SimilarBlend.Blend(similar, Genres[1], id => Genres.GetValueOrDefault(id), count: 3);

        Assert.Equal([3, 2, 4], blended.Select(s => s.ItemId));
    }

    [Fact]
    public void Titles_the_user_rejected_or_the_catalogue_does_not_know_are_left_out()
    {
        ScoredItem[] similar = [new(2, 1.0f), new(3, 0.8f), new(99, 0.9f), new(4, 0.1f)];

        var blended = SimilarBlend.Blend(similar, Genres[1], id => Genres.GetValueOrDefault(id), count: 10, excluded: id => id == 3);

        Assert.Equal([2, 4], blended.Select(s => s.ItemId));
    }

    [Theory]
    [InlineData(new[] { "A", "B" }, new[] { "A", "B" }, 1f)]
    [InlineData(new[] { "A", "B" }, new[] { "B", "C" }, 1f / 3f)]
    [InlineData(new[] { "A" }, new[] { "C" }, 0f)]
    [InlineData(new string[0], new string[0], 0f)]
    public void Genre_overlap_is_the_jaccard_index(string[] a, string[] b, float expected) =>
        Assert.Equal(expected, SimilarBlend.GenreOverlap(a, b), 5);
}
