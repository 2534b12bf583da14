using CineSync.Recommender.Models;

namespace CineSync.Recommender.Tests.Models;

public sealed class UserProfileTests
{
    [Fact]
    public void Low_ratings_count_against_similar_titles_and_unknown_items_are_ignored()
    {
        var profile = UserProfile.Create([4, -1, 2], [1f, 5f, 4.5f], new RatingPolicy(DislikeAtOrBelow: 2f));

        Assert.Equal([2, 4], profile.Items);
        Assert.Equal([1f, -1f], profile.Weights);
    }

    [Fact]
    public void A_re_rated_title_keeps_its_latest_rating()
    {
        var profile = UserProfile.Create([3, 3], [2f, 5f], RatingPolicy.Default);

        Assert.Equal([3], profile.Items);
        Assert.Equal([5f], profile.Ratings);
    }

    [Fact]
    public void With_a_recency_half_life_older_ratings_weigh_less()
    {
        var policy = new RatingPolicy(RecencyHalfLife: 1f);

        var profile = UserProfile.Create([1, 2, 3], [5f, 5f, 5f], policy, [300, 100, 200]);

        // Item 1 is newest (weight 1), item 3 has one newer rating (½), item 2 two (¼).
        Assert.Equal([1f, 0.25f, 0.5f], profile.Weights);
    }
}
