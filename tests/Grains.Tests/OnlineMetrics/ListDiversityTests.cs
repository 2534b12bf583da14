using CineSync.Grains.OnlineMetrics;

namespace CineSync.Grains.Tests.OnlineMetrics;

public sealed class ListDiversityTests
{
    private static readonly Dictionary<int, string[]> Genres = new()
    {
        [1] = ["Drama", "Romance"],
        [2] = ["Drama", "Romance"],
        [3] = ["Horror"],
        [4] = ["Drama"],
    };

    [Fact]
    public void A_list_of_titles_with_the_same_genres_has_no_diversity() =>
        Assert.Equal(0, ListDiversity.Of([1, 2], Find));

    [Fact]
    public void A_list_of_titles_sharing_no_genre_is_fully_diverse() =>
        Assert.Equal(1, ListDiversity.Of([1, 3], Find));

    [Fact]
    public void Diversity_is_the_mean_over_every_pair_of_one_minus_genre_overlap()
    {
        // (1,2): 0; (1,4): 1 − 1/2; (2,4): 1 − 1/2 → mean 1/3.
        Assert.Equal(1 / 3.0, ListDiversity.Of([1, 2, 4], Find)!.Value, precision: 9);
    }

    [Fact]
    public void A_list_with_fewer_than_two_known_titles_has_no_diversity_figure() =>
        Assert.Null(ListDiversity.Of([1, 99], Find));

    private static IReadOnlyList<string>? Find(int id) => Genres.GetValueOrDefault(id);
}
